package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.storage.spi.DriverReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * The stream {@link ObjectStorage#get} returns: checks that exactly the announced number of bytes
 * comes and, for a whole object, that they hash to the object's checksum; maps read failures. The
 * checksum is the object's CRC32C when the provider knows it (hardware-accelerated, a fraction of
 * an MD5's cost), else its MD5. A failure surfaces at the end of the stream, as an
 * {@link IOException} caused by the portable {@link YshException}, instead of wrong bytes.
 *
 * <p>Given a {@link Resume}, a stream that breaks with a retryable error (a reset, a body cut
 * short, a timeout) is reopened at the first byte not yet read, with a ranged read of the same
 * version (same entity tag), as the resilience policy's retries allow; an object replaced in the
 * meantime fails with {@code UNAVAILABLE} instead of mixing two versions.
 */
final class VerifyingInputStream extends InputStream {
  private InputStream in;
  private final Invoker invoker;
  private final String key;
  private final long expected;
  private final Expected checksum;
  private final Digests digests;
  private final Resume resume;
  private long count;
  private boolean verified;
  private int resumesWithoutProgress;

  VerifyingInputStream(InputStream in, Invoker invoker, String key, long expected, Expected checksum, Resume resume) {
    this.in = in;
    this.invoker = invoker;
    this.key = key;
    this.expected = expected;
    this.checksum = checksum;
    this.digests = checksum == null ? null : checksum.newDigests();
    this.resume = resume;
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
    while (true) {
      try {
        n = in.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        YshException mapped = invoker.map("get", key, e);
        if (resumeAfter(mapped)) {
          continue;
        }
        throw new IOException(mapped.getMessage(), mapped);
      }
      if (n < 0 && expected >= 0 && count < expected && resumeAfter(YshException.of(ErrorCode.UNAVAILABLE,
          "the download ended after " + count + " of " + expected + " bytes"))) {
        continue;
      }
      break;
    }
    if (n < 0) {
      verify();
      return -1;
    }
    resumesWithoutProgress = 0;
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

  /**
   * After the stream failed or ended early with a retryable error: reopens the object at the
   * first byte not yet read, with a ranged read of the same version, as the resilience policy
   * allows (as many reopenings in a row without progress as it has retries, waiting for the
   * provider's Retry-After). Closes the failed stream.
   *
   * @return true when reading can go on from the reopened stream
   * @throws IOException when the object changed since the download started, or reopening failed
   */
  private boolean resumeAfter(YshException failure) throws IOException {
    if (resume == null || !failure.isRetryable() || count >= expected
        || resumesWithoutProgress >= invoker.resilience().policy().retry().maxAttempts() - 1) {
      return false;
    }
    resumesWithoutProgress++;
    closeQuietly(in);
    Duration wait = failure.retryAfter().orElse(Duration.ZERO);
    if (wait.compareTo(invoker.resilience().policy().totalTimeout()) > 0) {
      return false;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    long from = resume.start() + count;
    long left = expected - count;
    DriverReader rest;
    try {
      rest = resume.reader().read(from, left);
    } catch (YshException e) {
      e.addSuppressed(failure);
      throw new IOException(e.getMessage(), e);
    }
    if (!resume.etag().equals(rest.info().etag()) || rest.length() != left) {
      closeQuietly(rest.stream());
      YshException changed = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
          "the download failed after " + count + " of " + expected + " bytes and the object changed before it"
              + " could be resumed (etag " + resume.etag() + ", now " + rest.info().etag() + "); read it again"));
      changed.addSuppressed(failure);
      throw new IOException(changed.getMessage(), changed);
    }
    in = rest.stream();
    return true;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // the stream already failed; its close has nothing to add
    }
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

  /** Reads the rest of the object: a ranged read through the resilience policy. */
  @FunctionalInterface
  interface RangeReader {
    DriverReader read(long from, long length);
  }

  /**
   * Where a download can pick up again after its stream failed: the object's first byte read, the
   * entity tag of the version being read, and how to read a range of it.
   */
  record Resume(long start, String etag, RangeReader reader) {}

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
