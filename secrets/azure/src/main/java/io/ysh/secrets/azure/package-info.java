/** The Azure Key Vault secrets driver ({@code azurekv://}). */
package io.ysh.secrets.azure;
