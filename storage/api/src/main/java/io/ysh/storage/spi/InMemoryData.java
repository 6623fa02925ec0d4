package io.ysh.storage.spi;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Optionally implemented by the data the portable layer hands to
 * {@link StorageDriver#write(String, java.io.InputStream, long, io.ysh.storage.WriteOptions,
 * UploadDigests)} when the whole body already sits in a heap array (a {@code put} of a
 * {@code byte[]}, or an upload small enough for one part): a driver that sends bodies from memory
 * takes that array instead of reading a copy of it. A 1 MiB copy costs more than the checksum of
 * the same bytes, and a fresh array that large strains the garbage collector.
 */
public interface InMemoryData {

  /**
   * Takes every byte not yet read, without copying them. The stream is then at its end, as if it
   * had been read: the checksums the portable layer computes over what the driver reads are
   * complete.
   *
   * @return a heap buffer over the caller's array ({@link ByteBuffer#hasArray()} is true),
   *     positioned at the first byte and limited after the last; never modify its contents
   * @throws IOException when the data cannot be had (as reading it would have failed)
   */
  ByteBuffer takeRemaining() throws IOException;
}
