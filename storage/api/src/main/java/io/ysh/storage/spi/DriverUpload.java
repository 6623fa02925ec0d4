package io.ysh.storage.spi;

/**
 * A multipart upload in progress, as the driver represents it (from
 * {@link StorageDriver#startUpload}). The portable layer only hands it back to the driver that
 * created it, from one thread at a time.
 */
public interface DriverUpload {

  /**
   * The key being written.
   *
   * @return the key, non-null
   */
  String key();
}
