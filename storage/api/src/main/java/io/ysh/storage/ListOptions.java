package io.ysh.storage;

import io.ysh.core.YshException;

/**
 * What to list.
 *
 * @param prefix only keys that start with it ({@code ""} for all)
 * @param delimiter when not null (usually {@code "/"}), keys with the delimiter after the
 *     prefix are rolled up into one common-prefix entry
 * @param pageSize how many entries a page holds at most (1 to 1000)
 */
public record ListOptions(String prefix, String delimiter, int pageSize) {

  /** The default page size. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  /**
   * Validates.
   *
   * @param prefix the prefix
   * @param delimiter the delimiter
   * @param pageSize the page size
   * @throws YshException {@code INVALID_ARGUMENT} for a page size out of range or an empty delimiter
   */
  public ListOptions {
    prefix = prefix == null ? "" : prefix;
    if (delimiter != null && delimiter.isEmpty()) {
      throw YshException.invalidArgument("the list delimiter must not be empty (use null for none)");
    }
    if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
      throw YshException.invalidArgument("list page size must be 1 to 1000, got " + pageSize);
    }
  }

  /**
   * All keys under a prefix, no delimiter, default page size.
   *
   * @param prefix the prefix, or {@code ""}
   * @return the options
   */
  public static ListOptions prefix(String prefix) {
    return new ListOptions(prefix, null, DEFAULT_PAGE_SIZE);
  }

  /**
   * A copy with a delimiter.
   *
   * @param newDelimiter the delimiter
   * @return the copy
   */
  public ListOptions withDelimiter(String newDelimiter) {
    return new ListOptions(prefix, newDelimiter, pageSize);
  }

  /**
   * A copy with another page size.
   *
   * @param newPageSize the page size (1 to 1000)
   * @return the copy
   */
  public ListOptions withPageSize(int newPageSize) {
    return new ListOptions(prefix, delimiter, newPageSize);
  }
}
