package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.storage.spi.BufferWrites;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Buffers one part at a time and uploads it; a single write when everything fits in one part.
 * The whole object is digested as it is written, so the commit needs no second pass.
 */
final class PartWriter extends ObjectWriter {
  private final Uploads uploads;
  private final StorageDriver driver;
  private final Invoker invoker;
  private final String key;
  private final WriteOptions options;
  private final byte[] buffer;
  private final Digests total;
  private final List<UploadedPart> parts = new ArrayList<>();
  private int filled;
  private DriverUpload upload;
  private boolean closed;
  private WriteResult result;

  PartWriter(Uploads uploads, String key, WriteOptions options, long length) {
    this.uploads = uploads;
    this.driver = uploads.driver;
    this.invoker = uploads.invoker;
    this.key = key;
    this.options = options;
    this.total = new Digests(uploads.plan.md5Uploads(), true);
    long size = PartSizing.partSize(length, uploads.partSize, driver.multipartLimits());
    if (length >= 0 && length < size) {
      size = Math.max(1, length);
    }
    this.buffer = new byte[(int) Math.min(size, Integer.MAX_VALUE - 64)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("the writer of '" + key + "' is closed or aborted");
    }
    while (len > 0) {
      if (filled == buffer.length) {
        flushPart();
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      total.update(b, off, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  private void flushPart() throws IOException {
    try {
      if (upload == null) {
        upload = invoker.call("put", key, false, () -> driver.startUpload(key, options));
      }
      int number = parts.size() + 1;
      int length = filled;
      UploadedPart part = invoker.call("putPart", key + " part " + number, true,
          () -> driver.uploadPart(upload, number, buffer, length));
      // hashed only when the provider reports a part MD5 to compare with (the buffer is intact)
      String md5 = uploads.verifyChecksums && part.md5() != null ? Digests.md5Hex(buffer, 0, length) : null;
      if (md5 != null && !part.md5().equalsIgnoreCase(md5)) {
        throw invoker.map("putPart", key, YshException.of(ErrorCode.INTERNAL,
            "checksum mismatch on part " + number + ": we sent MD5 " + md5 + ", the provider stored " + part.md5()));
      }
      parts.add(part);
      filled = 0;
    } catch (YshException e) {
      abort();
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (upload == null) {
        int length = filled;
        closed = true;
        // total already holds the digests of exactly these bytes: no second pass over them
        result = invoker.call("put", key, !options.isConditional(), () -> {
          WriteResult r = driver instanceof BufferWrites buffers
              ? buffers.writeBuffer(key, ByteBuffer.wrap(buffer, 0, length), options, total)
              : driver.write(key, new ByteArrayInputStream(buffer, 0, length), length, options, total);
          return uploads.finish(key, r, total, length);
        });
        return;
      }
      if (filled > 0) {
        flushPart();
      }
      closed = true;
      WriteResult r = invoker.call("put", key, false, () -> driver.completeUpload(upload, List.copyOf(parts), total));
      String md5 = total.md5HexOrNull();
      if (md5 == null) {
        md5 = r.md5(); // the plan computes no MD5 of uploads
      } else if (uploads.verifyChecksums && r.md5() != null && !r.md5().equalsIgnoreCase(md5)) {
        invoker.run("delete", key, true, () -> {
          driver.delete(key);
          return null;
        });
        throw invoker.map("put", key, YshException.of(ErrorCode.INTERNAL,
            "checksum mismatch after upload: we sent MD5 " + md5 + ", the provider stored " + r.md5()
                + "; the object was deleted"));
      }
      result = new WriteResult(key, total.count(), r.etag(), md5, total.crc32cHex());
    } catch (YshException e) {
      abortQuietly();
      throw new IOException(e.getMessage(), e);
    } finally {
      closed = true;
    }
  }

  @Override
  public void abort() {
    if (closed && result != null) {
      return;
    }
    closed = true;
    abortQuietly();
  }

  private void abortQuietly() {
    DriverUpload u = upload;
    upload = null;
    if (u != null) {
      try {
        invoker.run("abortUpload", key, true, () -> {
          driver.abortUpload(u);
          return null;
        });
      } catch (YshException ignored) {
        // the original failure matters more; the provider's lifecycle rules clean up the rest
      }
    }
  }

  @Override
  public Optional<WriteResult> result() {
    return Optional.ofNullable(result);
  }
}
