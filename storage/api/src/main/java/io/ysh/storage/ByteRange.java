package io.ysh.storage;

import io.ysh.core.YshException;

/**
 * A byte range of an object: {@code length} bytes from {@code offset}, everything from
 * {@code offset}, or the last {@code length} bytes (a suffix).
 *
 * <p>A range that starts at or beyond the end of the object reads nothing (an empty stream), the
 * same on every driver; a range that extends beyond the end is cut at the end.
 *
 * @param offset the first byte, {@code >= 0}; {@code -1} for a suffix range
 * @param length how many bytes; {@code -1} for "to the end"; for a suffix, how many last bytes
 */
public record ByteRange(long offset, long length) {

  /**
   * Validates the range.
   *
   * @param offset the first byte, or {@code -1} for a suffix
   * @param length the length, or {@code -1} for "to the end"
   * @throws YshException {@code INVALID_ARGUMENT} for negative values or an empty suffix
   */
  public ByteRange {
    if (offset < -1 || (offset == -1 && length <= 0) || length < -1) {
      throw YshException.invalidArgument(
          "invalid byte range: offset " + offset + ", length " + length
              + " (offset and length must be >= 0; a suffix needs a positive length)");
    }
  }

  /**
   * {@code length} bytes starting at {@code offset}.
   *
   * @param offset the first byte, {@code >= 0}
   * @param length how many bytes, {@code >= 0}
   * @return the range
   * @throws YshException {@code INVALID_ARGUMENT} when either is negative
   */
  public static ByteRange of(long offset, long length) {
    if (offset < 0 || length < 0) {
      throw YshException.invalidArgument(
          "invalid byte range: offset " + offset + ", length " + length + " (both must be >= 0)");
    }
    return new ByteRange(offset, length);
  }

  /**
   * Everything from {@code offset} to the end.
   *
   * @param offset the first byte, {@code >= 0}
   * @return the range
   * @throws YshException {@code INVALID_ARGUMENT} when the offset is negative
   */
  public static ByteRange from(long offset) {
    if (offset < 0) {
      throw YshException.invalidArgument("invalid byte range: offset " + offset + " must be >= 0");
    }
    return new ByteRange(offset, -1);
  }

  /**
   * The last {@code length} bytes (all of them if the object is shorter).
   *
   * @param length how many bytes, {@code > 0}
   * @return the range
   * @throws YshException {@code INVALID_ARGUMENT} when the length is not positive
   */
  public static ByteRange suffix(long length) {
    if (length <= 0) {
      throw YshException.invalidArgument("invalid suffix range: length " + length + " must be > 0");
    }
    return new ByteRange(-1, length);
  }

  /**
   * Whether this is a suffix range.
   *
   * @return true for {@link #suffix(long)}
   */
  public boolean isSuffix() {
    return offset == -1;
  }

  /**
   * Resolves the range against an object's size.
   *
   * @param size the object's size
   * @return {@code {start, endExclusive}}, with {@code start == endExclusive} for an empty read
   */
  public long[] resolve(long size) {
    if (isSuffix()) {
      return new long[] {Math.max(0, size - length), size};
    }
    long start = Math.min(offset, size);
    long end = length == -1 ? size : Math.min(size, offset + length);
    return new long[] {start, Math.max(start, end)};
  }

  /**
   * The HTTP {@code Range} header value, or {@code null} when the range is empty (no request
   * should be made for zero bytes).
   *
   * @return such as {@code bytes=0-99}, {@code bytes=100-} or {@code bytes=-10}
   */
  public String httpHeader() {
    if (isSuffix()) {
      return "bytes=-" + length;
    }
    if (length == 0) {
      return null;
    }
    return "bytes=" + offset + "-" + (length == -1 ? "" : String.valueOf(offset + length - 1));
  }
}
