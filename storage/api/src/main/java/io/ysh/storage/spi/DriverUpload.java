package io.ysh.storage.spi;

/**
 * A multipart upload in progress, as the driver represents it (from
 * {@link StorageDriver#startUpload}). The portable layer only hands it back to the driver that
 * created it: from one thread at a time, except {@link StorageDriver#uploadPart} for a driver
 * whose {@link StorageDriver#concurrentParts()} is true (several parts at once, from different threads).
 */
public interface DriverUpload {

  /**
   * The key being written.
   *
   * @return the key, non-null
   */
  String key();
}
