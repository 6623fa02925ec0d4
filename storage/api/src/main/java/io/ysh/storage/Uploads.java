package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.storage.spi.BufferWrites;
import io.ysh.storage.spi.ChannelWrite;
import io.ysh.storage.spi.ChannelWrites;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;

/**
 * The write path of one {@link ObjectStorage}: single writes (through the driver's fast path for
 * the data at hand when it offers one), multipart uploads through a {@link PartWriter}, the
 * digests of every byte sent (per the driver's {@link ChecksumPlan}) and their comparison with
 * what the provider reports. Keys and preconditions are checked by the caller.
 */
final class Uploads {

  final StorageDriver driver;
  final Invoker invoker;
  final ChecksumPlan plan;
  final boolean verifyChecksums;
  final long partSize;
  /** How many parts of one upload may be in flight at once (1: one after the other). */
  final int partConcurrency;
  private final long multipartThreshold;
  private final Transfers transfers;

  Uploads(StorageDriver driver, Invoker invoker, boolean verifyChecksums, long partSize, long multipartThreshold,
      int partConcurrency, Transfers transfers) {
    this.driver = driver;
    this.invoker = invoker;
    this.plan = driver.checksumPlan();
    this.verifyChecksums = verifyChecksums;
    this.partSize = partSize;
    this.multipartThreshold = multipartThreshold;
    this.partConcurrency = partConcurrency;
    this.transfers = transfers;
  }

  /** The threads that upload parts concurrently. */
  ExecutorService transfers() {
    return transfers.executor();
  }

  String provider() {
    return driver.provider();
  }

  /** A writer that commits on close (multipart once the data outgrows one part). */
  PartWriter openWriter(String key, WriteOptions options, long length) {
    return new PartWriter(this, key, options, length);
  }

  /**
   * Writes a whole object: in one call when the length is known, small enough and the data can be
   * read again (or the driver streams any length), else through one bounded part buffer.
   */
  WriteResult write(String key, WriteOptions options, UploadSource source, long length) {
    MultipartLimits limits = driver.multipartLimits();
    if (length >= 0 && !PartSizing.useMultipart(length, multipartThreshold, limits)
        && (source.reopenable() || limits.singlePutStreams())) {
      return singleWrite(key, options, source, length);
    }
    // One-shot streams to remote providers are read into one bounded buffer first: a short or
    // failing stream is detected before any provider call, and the write can be retried.
    PartWriter writer = openWriter(key, options, length);
    try (InputStream in = source.open()) {
      byte[] chunk = new byte[64 * 1024];
      long remaining = length < 0 ? Long.MAX_VALUE : length;
      while (remaining > 0) {
        int n;
        try {
          n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
        } catch (IOException e) {
          throw Failures.source(provider(), key, e);
        }
        if (n < 0) {
          break;
        }
        writer.write(chunk, 0, n);
        remaining -= n;
      }
      if (length >= 0 && remaining > 0) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
            .detail("the stream ended after " + (length - remaining) + " of the " + length + " bytes announced")
            .operation("storage.put").provider(provider()).resource(key).build();
      }
      writer.close();
      return writer.result().orElseThrow();
    } catch (IOException e) {
      writer.abort();
      throw Failures.unwrapIo(invoker, "put", key, e);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  private WriteResult singleWrite(String key, WriteOptions options, UploadSource source, long length) {
    boolean idempotent = source.reopenable() && !options.isConditional();
    return invoker.call("put", key, idempotent, () -> {
      ByteBuffer array = source.array();
      if (array != null && driver instanceof BufferWrites buffers) {
        Digests digests = new Digests(plan.md5ForSingleWrite(length), true);
        digests.update(array.duplicate());
        return finish(key, buffers.writeBuffer(key, array, options, digests), digests, length);
      }
      Path file = source.file();
      if (file != null && driver instanceof ChannelWrites channels) {
        return channelWrite(channels, key, options, file, length);
      }
      try (InputStream raw = source.open()) {
        DigestingInputStream in =
            new DigestingInputStream(raw, provider(), key, length, new Digests(plan.md5ForSingleWrite(length), true));
        WriteResult r;
        try {
          r = driver.write(key, in, length, options, in.digests());
        } catch (Exception e) {
          if (in.failure() != null) {
            throw in.failure();
          }
          throw e;
        }
        if (in.failure() != null) {
          throw in.failure();
        }
        return finish(key, r, in.digests(), length);
      }
    });
  }

  /** Copies a local file into the driver's file, digesting on the way, then commits. */
  private WriteResult channelWrite(ChannelWrites channels, String key, WriteOptions options, Path file, long length)
      throws Exception {
    Digests digests = new Digests(plan.md5ForSingleWrite(length), true);
    ChannelWrite write = channels.openChannelWrite(key, options);
    boolean committed = false;
    try {
      copy(key, file, length, write.channel(), digests);
      WriteResult r = write.commit(length, digests);
      committed = true;
      return finish(key, r, digests, length);
    } finally {
      if (!committed) {
        write.abort();
      }
    }
  }

  /**
   * Copies exactly {@code length} bytes of a file through a pooled direct buffer (read, digest,
   * write): no heap array, CRC32C over the buffer in place. A failure to read the caller's file is
   * reported as such; a failure to write is the driver's.
   */
  private void copy(String key, Path file, long length, WritableByteChannel target, Digests digests) throws IOException {
    ByteBuffer buf = TransferBuffers.acquire();
    try (FileChannel source = openSource(key, file)) {
      long done = 0;
      while (done < length) {
        buf.clear().limit((int) Math.min(buf.capacity(), length - done));
        int n;
        try {
          n = source.read(buf);
        } catch (IOException | RuntimeException e) {
          throw Failures.source(provider(), key, e);
        }
        if (n < 0) {
          throw Failures.shortSource(done, length);
        }
        buf.flip();
        digests.update(buf.duplicate());
        while (buf.hasRemaining()) {
          target.write(buf);
        }
        done += n;
      }
    } finally {
      TransferBuffers.release(buf);
    }
  }

  private FileChannel openSource(String key, Path file) {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      throw Failures.source(provider(), key, e);
    }
  }

  /**
   * Checks the length and compares the provider's MD5 with ours, when both exist; on a mismatch
   * deletes the object and fails. Fills in what the driver did not report.
   */
  WriteResult finish(String key, WriteResult r, Digests digests, long expectedLength) {
    if (expectedLength >= 0 && digests.count() != expectedLength) {
      throw Failures.shortSource(digests.count(), expectedLength);
    }
    String md5 = digests.md5HexOrNull();
    String crc = digests.crc32cHex();
    if (md5 == null) {
      md5 = r.md5(); // the plan computes no MD5 here: report the provider's, if any
    } else if (verifyChecksums && r.md5() != null && !r.md5().equalsIgnoreCase(md5)) {
      try {
        driver.delete(key);
      } catch (Exception ignored) {
        // the mismatch is what matters
      }
      throw YshException.builder(ErrorCode.INTERNAL)
          .detail("checksum mismatch after upload: we sent MD5 " + md5 + ", the provider stored "
              + r.md5() + "; the object was deleted")
          .build();
    }
    return new WriteResult(key, digests.count(), r.etag(), md5, crc);
  }
}
