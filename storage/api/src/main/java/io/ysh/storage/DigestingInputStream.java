package io.ysh.storage;

import io.ysh.core.YshException;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a driver's {@link io.ysh.storage.spi.StorageDriver#write} reads: exactly {@code length}
 * bytes of the caller's data, digested on the way. A failure of the caller's stream, or its end
 * before {@code length} bytes, is remembered as {@link #failure()} so that the write reports it
 * rather than whatever the driver made of it.
 */
final class DigestingInputStream extends InputStream {
  private final InputStream in;
  private final String provider;
  private final String key;
  private final long length;
  private final Digests digests;
  private YshException failure;

  DigestingInputStream(InputStream in, String provider, String key, long length, Digests digests) {
    this.in = in;
    this.provider = provider;
    this.key = key;
    this.length = length;
    this.digests = digests.pending();
    if (length == 0) {
      digests.complete();
    }
  }

  Digests digests() {
    return digests;
  }

  /** Why reading the caller's data failed, or null. */
  YshException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long left = length - digests.count();
    if (left <= 0) {
      return -1;
    }
    int n;
    try {
      n = in.read(b, off, (int) Math.min(len, left));
    } catch (IOException | RuntimeException e) {
      failure = Failures.source(provider, key, e);
      throw new IOException("reading the data to upload failed", e);
    }
    if (n < 0) {
      failure = Failures.shortSource(digests.count(), length);
      throw new IOException(failure.getMessage());
    }
    digests.update(b, off, n);
    if (digests.count() == length) {
      digests.complete();
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), length - digests.count());
  }
}
