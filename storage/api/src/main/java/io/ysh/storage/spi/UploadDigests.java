package io.ysh.storage.spi;

/**
 * The digests the portable layer computes of the data it hands a driver, so that a driver which
 * stores them (fs, memory) does not hash the same bytes a second time.
 *
 * <p>Valid only once the data is complete: for {@link StorageDriver#write(String,
 * java.io.InputStream, long, io.ysh.storage.WriteOptions, UploadDigests)} after the driver has
 * read the stream to its end, for {@link StorageDriver#completeUpload(DriverUpload,
 * java.util.List, UploadDigests)} at any time. Calling them earlier throws
 * {@link IllegalStateException}. Not thread-safe.
 */
public interface UploadDigests {

  /**
   * The MD5 of the data. Only computed for drivers whose {@link StorageDriver#wantsMd5()} is true.
   *
   * @return 32 lower-case hex digits
   * @throws IllegalStateException when the data is not complete yet, or when the MD5 was not
   *     computed because the driver does not want it
   */
  String md5Hex();

  /**
   * The CRC32C of the data.
   *
   * @return 8 lower-case hex digits
   * @throws IllegalStateException when the data is not complete yet
   */
  String crc32cHex();
}
