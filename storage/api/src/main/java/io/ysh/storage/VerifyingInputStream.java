package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The stream {@link ObjectStorage#get} returns: checks that exactly the announced number of bytes
 * comes and, for a whole object, that they hash to the object's checksum; maps read failures. The
 * checksum is the object's CRC32C when the provider knows it (hardware-accelerated, a fraction of
 * an MD5's cost), else its MD5. A failure surfaces at the end of the stream, as an
 * {@link IOException} caused by the portable {@link YshException}, instead of wrong bytes.
 */
final class VerifyingInputStream extends InputStream {
  private final InputStream in;
  private final Invoker invoker;
  private final String key;
  private final long expected;
  private final Expected checksum;
  private final Digests digests;
  private long count;
  private boolean verified;

  VerifyingInputStream(InputStream in, Invoker invoker, String key, long expected, Expected checksum) {
    this.in = in;
    this.invoker = invoker;
    this.key = key;
    this.expected = expected;
    this.checksum = checksum;
    this.digests = checksum == null ? null : checksum.newDigests();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      YshException mapped = invoker.map("get", key, e);
      throw new IOException(mapped.getMessage(), mapped);
    }
    if (n < 0) {
      verify();
      return -1;
    }
    count += n;
    if (digests != null) {
      digests.update(b, off, n);
    }
    return n;
  }

  /**
   * With a known length: one array of that length, filled by one copy of each byte
   * ({@link InputStream#readAllBytes()} gathers chunks, then copies them all again).
   */
  @Override
  public byte[] readAllBytes() throws IOException {
    long remaining = expected - count;
    if (expected < 0 || remaining > Integer.MAX_VALUE - 8) {
      return super.readAllBytes();
    }
    byte[] all = new byte[(int) remaining];
    readNBytes(all, 0, all.length); // a short stream fails its length check here
    if (read(new byte[1], 0, 1) >= 0) {
      super.readAllBytes(); // more than announced: read to the end, where the length check fails
    }
    return all;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    if (expected >= 0 && count != expected) {
      YshException e = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
          "download ended after " + count + " of " + expected + " bytes"));
      throw new IOException(e.getMessage(), e);
    }
    if (digests != null) {
      checksum.verify(invoker, key, digests);
    }
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The checksum a whole download must match: CRC32C when known, else MD5. */
  record Expected(String algorithm, String value) {

    static Expected of(io.ysh.storage.ObjectInfo info) {
      if (info.crc32c() != null) {
        return new Expected("CRC32C", info.crc32c());
      }
      return info.md5() == null ? null : new Expected("MD5", info.md5());
    }

    Digests newDigests() {
      return algorithm.equals("MD5") ? new Digests(true, false) : new Digests(false, true);
    }

    boolean isCrc32c() {
      return algorithm.equals("CRC32C");
    }

    /** Throws (as an IOException caused by an INTERNAL YshException) when the digests do not match. */
    void verify(Invoker invoker, String key, Digests digests) throws IOException {
      String actual = algorithm.equals("MD5") ? digests.md5Hex() : digests.crc32cHex();
      if (!actual.equalsIgnoreCase(value)) {
        YshException e = invoker.map("get", key, YshException.of(ErrorCode.INTERNAL,
            "checksum mismatch: the object's " + algorithm + " is " + value
                + " but the bytes read hash to " + actual + "; the data was corrupted"));
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
