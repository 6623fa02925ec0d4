package io.ysh.storage;

import io.ysh.core.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ObjectStorage#stat} knows about an object.
 *
 * @param key the object's key
 * @param size its size in bytes
 * @param etag the provider's entity tag, without quotes; use it with
 *     {@link WriteOptions.Builder#ifMatch(String)}
 * @param contentType its content type ({@code application/octet-stream} unless set)
 * @param cacheControl its {@code Cache-Control}, or {@code null}
 * @param lastModified when it was last written, or {@code null} if the provider does not say
 * @param metadata the user metadata (keys lower case), never null
 * @param md5 the MD5 of the whole object as lower-case hex, or {@code null} when the provider
 *     does not know it (for example S3 multipart uploads) or the driver computes none (fs)
 * @param crc32c the CRC32C of the whole object as 8 lower-case hex digits, or {@code null} when
 *     the provider does not know it; when present, downloads are verified against it (it costs
 *     a fraction of an MD5 to compute) instead of against {@code md5}
 */
public record ObjectInfo(
    String key,
    long size,
    String etag,
    String contentType,
    String cacheControl,
    Instant lastModified,
    Map<String, String> metadata,
    String md5,
    String crc32c) {

  /**
   * Copies the metadata map.
   *
   * @param key the key
   * @param size the size
   * @param etag the entity tag
   * @param contentType the content type
   * @param cacheControl the cache control
   * @param lastModified the modification time
   * @param metadata the user metadata
   * @param md5 the MD5 as hex
   * @param crc32c the CRC32C as hex
   */
  public ObjectInfo {
    Args.notNull(key, "key");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /**
   * Attributes without a known CRC32C (the constructor drivers used before {@code crc32c}
   * existed).
   *
   * @param key the key
   * @param size the size
   * @param etag the entity tag
   * @param contentType the content type
   * @param cacheControl the cache control
   * @param lastModified the modification time
   * @param metadata the user metadata
   * @param md5 the MD5 as hex
   */
  public ObjectInfo(String key, long size, String etag, String contentType, String cacheControl,
      Instant lastModified, Map<String, String> metadata, String md5) {
    this(key, size, etag, contentType, cacheControl, lastModified, metadata, md5, null);
  }

  /**
   * The MD5 of the whole object, when known.
   *
   * @return lower-case hex
   */
  public Optional<String> md5Hex() {
    return Optional.ofNullable(md5);
  }

  /**
   * The CRC32C of the whole object, when known.
   *
   * @return 8 lower-case hex digits
   */
  public Optional<String> crc32cHex() {
    return Optional.ofNullable(crc32c);
  }

  /**
   * A copy with another key.
   *
   * @param newKey the key
   * @return the copy
   */
  public ObjectInfo withKey(String newKey) {
    return new ObjectInfo(newKey, size, etag, contentType, cacheControl, lastModified, metadata, md5, crc32c);
  }
}
