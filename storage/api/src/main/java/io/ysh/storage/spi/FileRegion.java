package io.ysh.storage.spi;

import java.nio.channels.FileChannel;

/**
 * Optionally implemented by the stream of a {@link DriverReader} whose bytes are a region of a
 * local file (the fs driver's): {@link io.ysh.storage.ObjectStorage#download} then copies the
 * region into the target file itself (inside the kernel when it has no checksum to compute)
 * instead of reading the stream through a heap array. The region is {@link DriverReader#length()}
 * bytes from {@link #position()}.
 */
public interface FileRegion {

  /**
   * The open file. The portable layer reads it only at absolute positions, before reading the
   * stream, and releases it by closing the stream.
   *
   * @return the channel, non-null
   */
  FileChannel channel();

  /**
   * Where the region starts in {@link #channel()}.
   *
   * @return the position of the first byte, at least 0
   */
  long position();
}
