package io.ysh.storage;

import java.time.Instant;

/**
 * One entry of a listing: an object, or a common prefix ("directory") when a delimiter was given.
 *
 * @param key the object's key, or the common prefix (ending with the delimiter)
 * @param isPrefix true for a common prefix; size, etag and lastModified are then empty
 * @param size the object's size, {@code 0} for a prefix
 * @param etag the object's entity tag, or {@code null}
 * @param lastModified when it was last written, or {@code null}
 */
public record ListEntry(String key, boolean isPrefix, long size, String etag, Instant lastModified) {

  /**
   * An object entry.
   *
   * @param key the key
   * @param size the size
   * @param etag the entity tag, or null
   * @param lastModified the time, or null
   * @return the entry
   */
  public static ListEntry object(String key, long size, String etag, Instant lastModified) {
    return new ListEntry(key, false, size, etag, lastModified);
  }

  /**
   * A common-prefix entry.
   *
   * @param prefix the common prefix, ending with the delimiter
   * @return the entry
   */
  public static ListEntry prefix(String prefix) {
    return new ListEntry(prefix, true, 0, null, null);
  }
}
