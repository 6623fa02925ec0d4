package io.ysh.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Checksum;

/**
 * Direct buffers for the file-to-file copies of uploads from and downloads to local files, which
 * checksum the bytes on the way. A direct buffer lets the kernel read into and write from it
 * without the extra copies a heap array costs, and CRC32C runs over it in place; a few are kept
 * for reuse because allocating (and zeroing) one costs as much as copying a small file.
 */
final class TransferBuffers {

  /** The capacity of every buffer: one read or write system call per 256 KiB. */
  static final int CAPACITY = 256 * 1024;

  private static final Queue<ByteBuffer> POOL = new ArrayBlockingQueue<>(8);

  private TransferBuffers() {}

  /**
   * Takes a cleared buffer of {@link #CAPACITY} bytes; give it back with {@link #release}.
   *
   * @return the buffer
   */
  static ByteBuffer acquire() {
    ByteBuffer b = POOL.poll();
    return b != null ? b.clear() : ByteBuffer.allocateDirect(CAPACITY);
  }

  /**
   * Returns a buffer from {@link #acquire()} for reuse (dropped when enough are kept).
   *
   * @param buffer the buffer; not used by the caller afterwards
   */
  static void release(ByteBuffer buffer) {
    if (buffer != null && buffer.isDirect() && buffer.capacity() == CAPACITY) {
      POOL.offer(buffer);
    }
  }

  /**
   * Copies up to {@code length} bytes of {@code source}, from {@code position}, to
   * {@code target} at its current position, updating {@code checksum} with every byte.
   *
   * @param source the file to read (its position is not used or changed)
   * @param position where to start reading
   * @param length how many bytes to copy
   * @param target the file to write
   * @param checksum updated with the bytes copied, or {@code null}
   * @return how many bytes were copied; fewer than {@code length} when the source ended early
   * @throws IOException on failure
   */
  static long copy(FileChannel source, long position, long length, FileChannel target, Checksum checksum)
      throws IOException {
    ByteBuffer buf = acquire();
    try {
      long done = 0;
      while (done < length) {
        buf.clear().limit((int) Math.min(CAPACITY, length - done));
        int n = source.read(buf, position + done);
        if (n < 0) {
          break;
        }
        buf.flip();
        if (checksum != null) {
          checksum.update(buf.duplicate());
        }
        while (buf.hasRemaining()) {
          target.write(buf);
        }
        done += n;
      }
      return done;
    } finally {
      release(buf);
    }
  }
}
