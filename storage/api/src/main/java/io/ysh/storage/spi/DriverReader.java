package io.ysh.storage.spi;

import io.ysh.storage.ObjectInfo;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open read: the provider's stream and what it knows about the object, from
 * {@link StorageDriver#read}.
 *
 * @param stream the bytes requested (the whole object or the range), which the portable layer
 *     reads to its end (it checks that exactly {@code length} bytes come) and closes; it may also
 *     implement {@link FileRegion}
 * @param info the object's attributes, of the same version as the bytes; {@link ObjectInfo#size()}
 *     is the whole object's size, and a whole read is verified against
 *     {@link ObjectInfo#crc32c()}, else {@link ObjectInfo#md5()}, when the provider knows one
 * @param length how many bytes {@code stream} will return
 */
public record DriverReader(InputStream stream, ObjectInfo info, long length) {

  /**
   * Checks for nulls.
   *
   * @param stream see the record's description
   * @param info see the record's description
   * @param length see the record's description
   */
  public DriverReader {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(info, "info");
  }
}
