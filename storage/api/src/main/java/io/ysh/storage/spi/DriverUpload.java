package io.ysh.storage.spi;

/**
 * A multipart upload in progress, as the driver represents it. The portable layer only hands it
 * back to the driver that created it.
 */
public interface DriverUpload {

  /**
   * The key being written.
   *
   * @return the key
   */
  String key();
}
