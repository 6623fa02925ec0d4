/** Azurite, the Azure Storage emulator, as a shared test server for the blob and queue drivers. */
package io.ysh.testkit.server.azure;
