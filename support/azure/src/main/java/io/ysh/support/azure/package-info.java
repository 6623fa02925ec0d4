/**
 * Internal: the Azure rules that the Blob Storage, Queue Storage and Key Vault drivers share,
 * written once. {@link io.ysh.support.azure.AzureSdkErrors} maps Azure SDK failures to portable
 * codes; {@link io.ysh.support.azure.AzureStorageConfig} reads a storage account's endpoint and
 * credentials from a URL and the environment and applies them to any Azure Storage client
 * builder; {@link io.ysh.support.azure.AzureIdentity} creates azure-identity's default credential
 * when it is on the class path. For YSH drivers only: no compatibility promise to applications.
 */
package io.ysh.support.azure;
