package io.ysh.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/** MD5 and CRC32C computed together while bytes stream through. Not thread-safe. */
final class Digests {

  private final MessageDigest md5;
  private final CRC32C crc32c = new CRC32C();
  private long count;

  Digests() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
  }

  void update(byte[] b, int off, int len) {
    if (len > 0) {
      md5.update(b, off, len);
      crc32c.update(b, off, len);
      count += len;
    }
  }

  long count() {
    return count;
  }

  /** Finishes the MD5 (once). */
  String md5Hex() {
    return HexFormat.of().formatHex(md5.digest());
  }

  String crc32cHex() {
    return String.format("%08x", crc32c.getValue());
  }

  static String md5Hex(byte[] data, int off, int len) {
    Digests d = new Digests();
    d.update(data, off, len);
    return d.md5Hex();
  }
}
