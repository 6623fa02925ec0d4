package io.ysh.storage;

import io.ysh.storage.spi.UploadDigests;
import java.nio.ByteBuffer;
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

  boolean hasMd5() {
    return md5 != null;
  }

  /** The MD5 when computed, else null. */
  String md5HexOrNull() {
    return md5 == null ? null : md5Hex();
  }

  /** A {@link java.util.zip.Checksum} view that feeds these digests (for file transfers). */
  java.util.zip.Checksum asChecksum() {
    return new java.util.zip.Checksum() {
      @Override
      public void update(int b) {
        Digests.this.update(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void update(byte[] b, int off, int len) {
        Digests.this.update(b, off, len);
      }

      @Override
      public void update(ByteBuffer buffer) {
        Digests.this.update(buffer);
      }

      @Override
      public long getValue() {
        if (crc32c == null) {
          throw new IllegalStateException("CRC32C was not computed");
        }
        return crc32c.getValue();
      }

      @Override
      public void reset() {
        throw new UnsupportedOperationException("digests cannot be reset");
      }
    };
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
    return HexFormat.of().toHexDigits((int) crc32c.getValue());
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
}
