package io.ysh.storage.gcs;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Verifies a whole download against the CRC32C GCS stored, for objects without an MD5 (composite
 * objects), which the portable layer cannot verify. A mismatch fails the read at the end of the
 * stream with an {@code INTERNAL} error instead of handing out wrong bytes.
 */
final class Crc32cCheckingStream extends FilterInputStream {

  private final String key;
  private final long expected;
  private final CRC32C crc = new CRC32C();
  private boolean checked;

  /**
   * Wraps a stream.
   *
   * @param in the whole object's bytes
   * @param key the key, for the error
   * @param expected the stored CRC32C as an unsigned 32-bit value
   */
  Crc32cCheckingStream(InputStream in, String key, long expected) {
    super(in);
    this.key = key;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      check();
    } else {
      crc.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // every byte must pass through the checksum
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    if (crc.getValue() != expected) {
      YshException e = YshException.builder(ErrorCode.INTERNAL)
          .detail(String.format("checksum mismatch: the object's CRC32C is %08x but the bytes read hash to %08x;"
              + " the data was corrupted", expected, crc.getValue()))
          .resource(key).build();
      throw new IOException(e.getMessage(), e);
    }
  }
}
