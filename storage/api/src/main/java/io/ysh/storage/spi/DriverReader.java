package io.ysh.storage.spi;

import io.ysh.storage.ObjectInfo;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open read: the provider's stream and what it knows about the object.
 *
 * @param stream the bytes requested (the whole object or the range), which the caller closes
 * @param info the object's attributes; {@link ObjectInfo#size()} is the whole object's size
 * @param length how many bytes {@code stream} will return
 */
public record DriverReader(InputStream stream, ObjectInfo info, long length) {

  /**
   * Checks for nulls.
   *
   * @param stream the stream
   * @param info the info
   * @param length the length
   */
  public DriverReader {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(info, "info");
  }
}
