/** The Azure Blob Storage driver ({@code azblob://account/container}) on azure-storage-blob. */
package io.ysh.storage.azure;
