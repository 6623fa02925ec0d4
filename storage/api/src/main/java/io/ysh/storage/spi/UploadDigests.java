package io.ysh.storage.spi;

/**
 * The digests the portable layer computes of the data it hands a driver, so that a driver which
 * stores them (fs, memory) or sends them (S3's CRC32C header) does not hash the same bytes again.
 *
 * <p>Complete when handed over with the whole data ({@link BufferWrites#writeBuffer},
 * {@link ChannelWrite#commit}, {@link StorageDriver#completeUpload}); for
 * {@link StorageDriver#write}, once the driver has read the stream to its end. Asking earlier
 * throws {@link IllegalStateException}. Not thread-safe.
 */
public interface UploadDigests {

  /**
   * The MD5 of the data, when {@link StorageDriver#checksumPlan()} asks for one for this write.
   *
   * @return 32 lower-case hex digits
   * @throws IllegalStateException when the data is not complete yet, or when the plan computes no
   *     MD5 for this write
   */
  String md5Hex();

  /**
   * The CRC32C of the data, always computed.
   *
   * @return 8 lower-case hex digits
   * @throws IllegalStateException when the data is not complete yet
   */
  String crc32cHex();
}
