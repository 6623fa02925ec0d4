package io.ysh.storage;

import io.ysh.core.YshException;
import io.ysh.storage.spi.MultipartLimits;

/**
 * Pure computation of multipart part sizes, apart from the code that uploads (after jclouds'
 * {@code MultipartUploadSlicingAlgorithm}).
 *
 * <p>For a known length the part size is the configured one, grown (in whole MiB) until the
 * object fits in the provider's part count; for an unknown length it is the configured size
 * clamped to the provider's limits, which bounds the largest object at {@code partSize * maxParts}.
 * Memory used by an upload is one part buffer, whatever the object's size.
 */
final class PartSizing {

  private static final long MIB = 1L << 20;

  private PartSizing() {}

  /**
   * The part size to use.
   *
   * @param length the object's length, or {@code -1} when unknown
   * @param preferred the configured part size
   * @param limits the provider's limits
   * @return the part size, within {@code [minPartSize, maxPartSize]}
   * @throws YshException {@code INVALID_ARGUMENT} when the object is too large for the provider
   */
  static long partSize(long length, long preferred, MultipartLimits limits) {
    if (preferred <= 0) {
      throw YshException.invalidArgument("part size must be positive, got " + preferred);
    }
    long size = clamp(preferred, limits);
    if (length < 0) {
      return size;
    }
    long maxObject = Math.min(limits.maxObjectSize(), multiplyCapped(limits.maxPartSize(), limits.maxParts()));
    if (length > maxObject) {
      throw YshException.invalidArgument(
          "an object of " + length + " bytes exceeds the provider's maximum of " + maxObject + " bytes");
    }
    if (ceilDiv(length, size) > limits.maxParts()) {
      long needed = ceilDiv(length, limits.maxParts());
      size = Math.min(limits.maxPartSize(), ceilDiv(needed, MIB) * MIB);
      if (ceilDiv(length, size) > limits.maxParts()) {
        size = limits.maxPartSize();
      }
    }
    return size;
  }

  /**
   * How many parts an object of a known length needs.
   *
   * @param length the length, {@code >= 0}
   * @param partSize the part size, positive
   * @return the number of parts, at least 1
   */
  static long partCount(long length, long partSize) {
    return Math.max(1, ceilDiv(length, partSize));
  }

  /**
   * Whether a write should use multipart.
   *
   * @param length the length, or {@code -1} when unknown
   * @param threshold the configured threshold
   * @param limits the provider's limits
   * @return true for multipart; for an unknown length the caller decides after reading one part
   */
  static boolean useMultipart(long length, long threshold, MultipartLimits limits) {
    if (length < 0) {
      return true;
    }
    if (limits.singlePutStreams()) {
      return length > limits.maxSinglePutSize();
    }
    return length > Math.min(threshold, limits.maxSinglePutSize());
  }

  private static long clamp(long size, MultipartLimits limits) {
    return Math.max(limits.minPartSize(), Math.min(limits.maxPartSize(), size));
  }

  private static long ceilDiv(long a, long b) {
    return a == 0 ? 0 : (a - 1) / b + 1;
  }

  private static long multiplyCapped(long a, long b) {
    long r = a * b;
    return (a != 0 && r / a != b) ? Long.MAX_VALUE : r;
  }
}
