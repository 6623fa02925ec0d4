package io.ysh.storage;

import io.ysh.storage.spi.UploadDigests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * MD5 and CRC32C computed together while bytes stream through, either of them optional
 * (CRC32C runs on the CPU's CRC instruction, MD5 costs ~100 times more). Not thread-safe.
 */
final class Digests implements UploadDigests {

  private final MessageDigest md5;
  private final CRC32C crc32c;
  private long count;
  private String md5Hex;
  private boolean complete = true;

  Digests() {
    this(true, true);
  }

  Digests(boolean withMd5, boolean withCrc32c) {
    if (withMd5) {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JVM has no MD5", e);
      }
    } else {
      md5 = null;
    }
    crc32c = withCrc32c ? new CRC32C() : null;
  }

  /** Marks the data as incomplete until {@link #complete()}: the digests throw until then. */
  Digests pending() {
    complete = false;
    return this;
  }

  void complete() {
    complete = true;
  }

  void update(byte[] b, int off, int len) {
    if (len > 0) {
      if (md5 != null) {
        md5.update(b, off, len);
      }
      if (crc32c != null) {
        crc32c.update(b, off, len);
      }
      count += len;
    }
  }

  void update(ByteBuffer buffer) {
    int len = buffer.remaining();
    if (len > 0) {
      if (md5 != null) {
        md5.update(buffer.duplicate());
      }
      if (crc32c != null) {
        crc32c.update(buffer.duplicate());
      }
      buffer.position(buffer.limit());
      count += len;
    }
  }

  long count() {
    return count;
  }

  /** The MD5 (computed once, then remembered). */
  @Override
  public String md5Hex() {
    checkComplete();
    if (md5 == null) {
      throw new IllegalStateException("MD5 was not computed");
    }
    if (md5Hex == null) {
      md5Hex = HexFormat.of().formatHex(md5.digest());
    }
    return md5Hex;
  }

  @Override
  public String crc32cHex() {
    checkComplete();
    if (crc32c == null) {
      throw new IllegalStateException("CRC32C was not computed");
    }
    return String.format("%08x", crc32c.getValue());
  }

  private void checkComplete() {
    if (!complete) {
      throw new IllegalStateException("the digests are only known once the data has been read to its end");
    }
  }

  static String md5Hex(byte[] data, int off, int len) {
    Digests d = new Digests(true, false);
    d.update(data, off, len);
    return d.md5Hex();
  }

  /**
   * Digests a file's bytes from its start, through one buffer.
   *
   * @param channel the file, open for reading
   * @param withMd5 whether to compute the MD5 too
   * @return the digests
   */
  static Digests of(FileChannel channel, boolean withMd5) throws IOException {
    Digests d = new Digests(withMd5, true);
    // a heap buffer no larger than the file: allocating a direct one per download costs more
    // than reading a small file
    ByteBuffer buf = ByteBuffer.allocate((int) Math.max(1, Math.min(256 * 1024, channel.size())));
    long position = 0;
    for (int n; (n = channel.read(buf, position)) > 0; ) {
      position += n;
      buf.flip();
      d.update(buf);
      buf.clear();
    }
    return d;
  }
}
