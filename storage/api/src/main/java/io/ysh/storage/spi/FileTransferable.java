package io.ysh.storage.spi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.zip.Checksum;

/**
 * Optionally implemented by a stream whose bytes sit in a local file: the stream of a
 * {@link DriverReader} of the fs driver (then {@link io.ysh.storage.ObjectStorage#download} writes
 * straight into the target file), and the data the portable layer hands to
 * {@link StorageDriver#write(String, java.io.InputStream, long, io.ysh.storage.WriteOptions,
 * UploadDigests)} when uploading from a {@link java.nio.file.Path} (then a local driver writes
 * straight into its file). Either way the bytes skip the copies into and out of a heap array.
 */
public interface FileTransferable {

  /**
   * Writes every remaining byte of the stream to {@code target} at its current position and
   * advances both. The stream is then at its end. With a {@code checksum}, the bytes pass once
   * through a direct buffer in this JVM and update it (as they do anything the stream itself
   * digests); without, they may move inside the kernel ({@link FileChannel#transferTo}).
   *
   * @param target an open, writable file channel
   * @param checksum updated with every byte written, or {@code null}
   * @return how many bytes were transferred; fewer than expected when the source ended early
   * @throws IOException on failure
   */
  long transferTo(FileChannel target, Checksum checksum) throws IOException;
}
