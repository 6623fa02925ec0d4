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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Buffers the data in parts and uploads them; a single write when everything fits in one part.
 * The whole object is digested as it is written, so the commit needs no second pass.
 *
 * <p>When the driver takes parts concurrently ({@link StorageDriver#concurrentParts()}) and the
 * storage's part concurrency is above 1, a full part is handed to the storage's transfer threads
 * and the writer goes on filling the next buffer: at most {@code concurrency} part buffers exist
 * (so at most that many parts are in flight), and the writer waits for one to come back when all
 * are taken. The first part that fails (after the resilience policy's retries) interrupts the
 * others, and once none is running any more the upload is aborted, so that no part lands after
 * the abort. Without concurrency, each part is uploaded by the writing thread before it goes on.
 */
final class PartWriter extends ObjectWriter {

  /** How long an aborting writer waits for the interrupted parts to stop before aborting anyway. */
  private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Uploads uploads;
  private final StorageDriver driver;
  private final Invoker invoker;
  private final String key;
  private final WriteOptions options;
  private final int bufferSize;
  private final int concurrency;
  private final Digests total;
  /** The parts accepted, in completion order; guarded by {@code lock}. */
  private final List<UploadedPart> parts = new ArrayList<>();
  private final Object lock = new Object();
  /** Buffers that came back from finished parts; guarded by {@code lock}. */
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
  /** The threads uploading a part of this writer now; guarded by {@code lock}. */
  private final Set<Thread> uploading = new HashSet<>();
  /** The parts submitted and not finished yet; guarded by {@code lock}. */
  private int running;
  private int allocated;
  private YshException failure; // guarded by lock: the first part that failed
  private byte[] buffer;
  private int filled;
  private int partCount;
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
    this.bufferSize = (int) Math.min(size, Integer.MAX_VALUE - 64);
    boolean oneBuffer = length >= 0 && length <= bufferSize;
    this.concurrency = oneBuffer || !driver.concurrentParts() ? 1 : uploads.partConcurrency;
    this.buffer = new byte[bufferSize];
    this.allocated = 1;
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

  /** Sends the full buffer as the next part (or hands it to a transfer thread) and gets an empty one. */
  private void flushPart() throws IOException {
    try {
      if (upload == null) {
        upload = invoker.call("put", key, false, () -> driver.startUpload(key, options));
      }
      int number = ++partCount;
      int length = filled;
      if (concurrency == 1) {
        UploadedPart part = uploadPart(upload, number, buffer, length);
        synchronized (lock) {
          parts.add(part);
        }
        filled = 0;
        return;
      }
      byte[] data = buffer;
      buffer = null;
      filled = 0;
      submit(upload, number, data, length);
      buffer = nextBuffer();
    } catch (YshException e) {
      abort();
      throw new IOException(e.getMessage(), e);
    } catch (IOException | RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Uploads one part through the resilience policy and compares the provider's MD5 of it with ours. */
  private UploadedPart uploadPart(DriverUpload u, int number, byte[] data, int length) {
    UploadedPart part = invoker.call("putPart", key + " part " + number, true,
        () -> driver.uploadPart(u, number, data, length));
    // hashed only when the provider reports a part MD5 to compare with (the buffer is intact)
    String md5 = uploads.verifyChecksums && part.md5() != null ? Digests.md5Hex(data, 0, length) : null;
    if (md5 != null && !part.md5().equalsIgnoreCase(md5)) {
      throw invoker.map("putPart", key, YshException.of(ErrorCode.INTERNAL,
          "checksum mismatch on part " + number + ": we sent MD5 " + md5 + ", the provider stored " + part.md5()));
    }
    return part;
  }

  private void submit(DriverUpload u, int number, byte[] data, int length) {
    synchronized (lock) {
      throwIfFailed();
      running++;
      try {
        uploads.transfers().execute(() -> runPart(u, number, data, length));
      } catch (RejectedExecutionException e) {
        running--;
        spare.add(data);
        throw YshException.builder(ErrorCode.UNAVAILABLE).detail("the storage is closed")
            .operation("storage.put").provider(driver.provider()).resource(key).cause(e).build();
      }
    }
  }

  /** The body of a part's transfer thread. */
  private void runPart(DriverUpload u, int number, byte[] data, int length) {
    try {
      synchronized (lock) {
        if (failure != null) {
          return; // another part failed: the upload is being aborted
        }
        uploading.add(Thread.currentThread());
      }
      UploadedPart part = uploadPart(u, number, data, length);
      synchronized (lock) {
        parts.add(part);
      }
    } catch (RuntimeException | Error e) {
      YshException mapped = e instanceof YshException y ? y : invoker.map("putPart", key, e);
      synchronized (lock) {
        if (failure == null) {
          failure = mapped;
          // stop the other parts now rather than after their retries: the upload is lost anyway
          interruptOthers();
        }
      }
    } finally {
      synchronized (lock) {
        uploading.remove(Thread.currentThread());
        Thread.interrupted(); // an interruption meant for this part must not reach the thread's next task
        spare.add(data);
        running--;
        lock.notifyAll();
      }
    }
  }

  /** An empty part buffer: a spare one, a new one while fewer than the concurrency exist, else the next one back. */
  private byte[] nextBuffer() throws IOException {
    synchronized (lock) {
      while (true) {
        throwIfFailed();
        byte[] b = spare.poll();
        if (b != null) {
          return b;
        }
        if (allocated < concurrency) {
          allocated++;
          return new byte[bufferSize];
        }
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for a part of '" + key + "' to be uploaded", e);
        }
      }
    }
  }

  /** Interrupts the parts being uploaded, except by the calling thread; holds {@code lock}. */
  private void interruptOthers() {
    for (Thread t : uploading) {
      if (t != Thread.currentThread()) {
        t.interrupt();
      }
    }
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Waits until every submitted part has finished; throws the first part's failure. */
  private void awaitParts() throws IOException {
    synchronized (lock) {
      while (running > 0 && failure == null) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the parts of '" + key + "' to be uploaded", e);
        }
      }
      throwIfFailed();
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
        byte[] data = buffer;
        closed = true;
        // total already holds the digests of exactly these bytes: no second pass over them
        result = invoker.call("put", key, !options.isConditional(), () -> {
          WriteResult r = driver instanceof BufferWrites buffers
              ? buffers.writeBuffer(key, ByteBuffer.wrap(data, 0, length), options, total)
              : driver.write(key, new ByteArrayInputStream(data, 0, length), length, options, total);
          return uploads.finish(key, r, total, length);
        });
        return;
      }
      if (filled > 0) {
        flushPart();
      }
      awaitParts();
      closed = true;
      List<UploadedPart> all;
      synchronized (lock) {
        all = new ArrayList<>(parts);
      }
      all.sort(Comparator.comparingInt(UploadedPart::number));
      DriverUpload u = upload;
      WriteResult r = invoker.call("put", key, false, () -> driver.completeUpload(u, List.copyOf(all), total));
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
    } catch (IOException | RuntimeException | Error e) {
      abortQuietly();
      throw e;
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

  /**
   * Interrupts the parts still in flight, waits (boundedly) until none runs, then aborts the
   * provider's upload: a part that landed after the abort would be left pending.
   */
  private void abortQuietly() {
    synchronized (lock) {
      if (failure == null) {
        failure = YshException.of(ErrorCode.UNAVAILABLE, "the upload of '" + key + "' was aborted");
      }
      interruptOthers();
      long deadline = System.nanoTime() + STOP_WAIT_NANOS;
      boolean interrupted = false;
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
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
