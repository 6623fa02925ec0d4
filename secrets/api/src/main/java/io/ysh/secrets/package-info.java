/**
 * The portable secrets capability: {@link io.ysh.secrets.SecretStore} reads, lists and writes
 * secrets through drivers for environment variables and files, HashiCorp Vault, AWS Secrets
 * Manager, Azure Key Vault and GCP Secret Manager, with caching, rotation watches and chains.
 */
package io.ysh.secrets;
