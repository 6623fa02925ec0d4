package io.ysh.storage.spi;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Optionally implemented by the stream of a {@link DriverReader} whose bytes sit in a local file
 * (the fs driver): {@link io.ysh.storage.ObjectStorage#download} then moves them into the target
 * file inside the kernel ({@link FileChannel#transferTo}) instead of through a buffer in this JVM,
 * and verifies the checksum over the bytes that landed in the target.
 */
public interface FileTransferable {

  /**
   * Writes every remaining byte of the stream to {@code target} at its current position and
   * advances both. The stream is then at its end.
   *
   * @param target an open, writable file channel
   * @return how many bytes were transferred
   * @throws IOException on failure
   */
  long transferTo(FileChannel target) throws IOException;
}
