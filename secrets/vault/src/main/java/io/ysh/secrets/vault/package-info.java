/** The HashiCorp Vault KV v2 secrets driver ({@code vault://}). */
package io.ysh.secrets.vault;
