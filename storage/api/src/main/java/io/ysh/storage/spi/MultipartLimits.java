package io.ysh.storage.spi;

/**
 * The provider's limits on multipart uploads.
 *
 * @param minPartSize the smallest size of every part but the last
 * @param maxPartSize the largest size of a part
 * @param maxParts the most parts an upload may have
 * @param maxSinglePutSize the largest object one {@link StorageDriver#write} may take
 * @param singlePutStreams true when {@link StorageDriver#write} streams any length with constant
 *     memory and no benefit from parts (local drivers): known-length data then always goes in
 *     one write
 * @param maxObjectSize the largest object the provider stores
 */
public record MultipartLimits(
    long minPartSize, long maxPartSize, int maxParts, long maxSinglePutSize, boolean singlePutStreams,
    long maxObjectSize) {

  /** S3's limits: 5 MiB to 5 GiB parts, 10,000 parts, 5 GiB single PUT, 5 TiB objects. */
  public static final MultipartLimits S3 =
      new MultipartLimits(5L << 20, 5L << 30, 10_000, 5L << 30, false, 5L << 40);

  /** For drivers that stream to local storage: 1-byte parts allowed, unlimited single writes. */
  public static final MultipartLimits LOCAL =
      new MultipartLimits(1, Integer.MAX_VALUE - 64, Integer.MAX_VALUE, Long.MAX_VALUE, true, Long.MAX_VALUE);
}
