package io.ysh.storage;

import java.util.Optional;

/**
 * The outcome of a successful write.
 *
 * <p>For a server-side {@link ObjectStorage#copy}, no bytes pass through this JVM: {@code size}
 * may be {@code -1} and {@code md5}/{@code crc32c} {@code null} when the provider does not report them.
 *
 * @param key the key written
 * @param size how many bytes were written
 * @param etag the new entity tag (without quotes), or {@code null} if the provider gave none
 * @param md5 the MD5 of the bytes written (lower-case hex), computed while streaming; {@code null}
 *     when the driver's {@link io.ysh.storage.spi.ChecksumPlan} asks for none (as the fs driver's)
 *     and the provider reports none: integrity then rests on {@code crc32c}
 * @param crc32c the CRC32C of the bytes written (8 lower-case hex digits), computed while streaming
 */
public record WriteResult(String key, long size, String etag, String md5, String crc32c) {

  /**
   * The MD5 of the bytes written, when known.
   *
   * @return lower-case hex
   */
  public Optional<String> md5Hex() {
    return Optional.ofNullable(md5);
  }

  /**
   * The CRC32C of the bytes written, when known.
   *
   * @return 8 lower-case hex digits
   */
  public Optional<String> crc32cHex() {
    return Optional.ofNullable(crc32c);
  }
}
