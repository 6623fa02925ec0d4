package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.FileRegion;
import io.ysh.storage.spi.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The read path of one {@link ObjectStorage}: opened streams verified by length and, for whole
 * objects, by checksum, resumed at the first byte not yet read when the stream breaks
 * ({@link VerifyingInputStream}); downloads to files through a temporary file
 * renamed into place, copied inside the kernel or through a direct buffer when the driver's stream
 * is a {@link FileRegion}. Keys are checked by the caller.
 */
final class Downloads {

  private static final Set<StandardOpenOption> TEMP_OPTIONS =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final StorageDriver driver;
  private final Invoker invoker;
  private final boolean verifyChecksums;
  private final long rangeSize;
  private final int concurrency;
  private final Transfers transfers;

  Downloads(StorageDriver driver, Invoker invoker, boolean verifyChecksums, long rangeSize, int concurrency,
      Transfers transfers) {
    this.driver = driver;
    this.invoker = invoker;
    this.verifyChecksums = verifyChecksums;
    this.rangeSize = rangeSize;
    this.concurrency = concurrency;
    this.transfers = transfers;
  }

  /**
   * Whether downloads to files read ranges concurrently: a remote provider with ranged reads and
   * a concurrency above 1 (local drivers copy a file region, which no ranges would speed up).
   */
  private boolean parallelDownloads() {
    return concurrency > 1 && driver.capabilities().contains(StorageCapability.RANGE_READ)
        && !driver.multipartLimits().singlePutStreams();
  }

  InputStream open(String key, ByteRange range) {
    DriverReader reader = invoker.call("get", key, true, () -> driver.read(key, range));
    return verifying(key, reader, range);
  }

  private VerifyingInputStream verifying(String key, DriverReader reader, ByteRange range) {
    VerifyingInputStream.Expected checksum =
        range == null && verifyChecksums ? VerifyingInputStream.Expected.of(reader.info()) : null;
    VerifyingInputStream.Resume resume = null;
    if (driver.capabilities().contains(StorageCapability.RANGE_READ) && reader.info().etag() != null && reader.length() > 0) {
      long start = range == null ? 0 : range.resolve(reader.info().size())[0];
      resume = new VerifyingInputStream.Resume(start, reader.info().etag(),
          (from, length) -> invoker.call("get", key, true, () -> driver.read(key, ByteRange.of(from, length))));
    }
    return new VerifyingInputStream(reader.stream(), invoker, key, reader.length(), checksum, resume);
  }

  byte[] readAll(String key, InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw Failures.unwrapIo(invoker, "get", key, e);
    }
  }

  long download(String key, Path target) {
    if (parallelDownloads()) {
      DriverReader first = invoker.call("get", key, true, () -> driver.read(key, ByteRange.of(0, rangeSize)));
      if (first.info().size() > first.length() && first.info().etag() != null) {
        return new RangedDownload(key, target, first).run();
      }
      return download(key, target, first); // the object fits in one range: that read is all of it
    }
    return download(key, target, invoker.call("get", key, true, () -> driver.read(key, null)));
  }

  private long download(String key, Path target, DriverReader reader) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try (InputStream raw = reader.stream()) {
      long n;
      FileChannel out = null;
      try {
        TempFile created = newTemp(dir);
        temp = created.path();
        out = created.channel();
        VerifyingInputStream.Expected checksum = verifyChecksums ? VerifyingInputStream.Expected.of(reader.info()) : null;
        if (raw instanceof FileRegion region && (checksum == null || checksum.isCrc32c())) {
          n = transferVerified(key, reader, region, out, checksum);
        } else {
          try (VerifyingInputStream in = verifying(key, reader, null)) {
            n = in.transferTo(Channels.newOutputStream(out));
          }
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      return n;
    } catch (IOException e) {
      throw Failures.unwrapIo(invoker, "download", key, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  /** A temporary file just created, open for writing. */
  private record TempFile(Path path, FileChannel channel) {}

  /**
   * Creates a new, empty temporary file in the target's directory, readable only by the owner where
   * POSIX, and returns it open for writing (one {@code open}, no reopen by path).
   */
  private static TempFile newTemp(Path dir) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(".ysh-download-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return new TempFile(temp, FileChannel.open(temp, TEMP_OPTIONS, tempAttributes(dir)));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  /** Owner-only permissions for download temp files (as {@link Files#createTempFile} gives) where POSIX. */
  private static FileAttribute<?>[] tempAttributes(Path dir) {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))};
    }
    return new FileAttribute<?>[0];
  }

  /**
   * Copies a local file's region into the target, verifying length and CRC32C over the bytes as
   * they pass (one pass, no re-read of the target); without a checksum, inside the kernel.
   */
  private long transferVerified(String key, DriverReader reader, FileRegion region, FileChannel out,
      VerifyingInputStream.Expected checksum) throws IOException {
    Digests digests = checksum == null ? null : new Digests(false, true);
    long n;
    try {
      n = digests == null ? transfer(region, reader.length(), out)
          : TransferBuffers.copy(region.channel(), region.position(), reader.length(), out, digests.asChecksum());
    } catch (IOException | RuntimeException e) {
      YshException mapped = invoker.map("get", key, e);
      throw new IOException(mapped.getMessage(), mapped);
    }
    if (n != reader.length()) {
      YshException e = invoker.map("get", key, YshException.of(ErrorCode.UNAVAILABLE,
          "download ended after " + n + " of " + reader.length() + " bytes"));
      throw new IOException(e.getMessage(), e);
    }
    if (checksum != null) {
      checksum.verify(invoker, key, digests);
    }
    return n;
  }

  /** Inside the kernel ({@link FileChannel#transferTo}); fewer bytes when the file shrank meanwhile. */
  private static long transfer(FileRegion region, long length, FileChannel out) throws IOException {
    FileChannel in = region.channel();
    long position = region.position();
    long total = 0;
    while (total < length) {
      long n = in.transferTo(position + total, length - total, out);
      if (n <= 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * A download to a file in ranges of the part size, {@code concurrency} of them in flight: the
   * calling thread writes the first range (already open) and then takes the next range not yet
   * taken, as do up to {@code concurrency - 1} transfer threads. Every range must come from the
   * version the first one came from (same entity tag, same size), else the download fails with
   * {@code UNAVAILABLE} and the target is left as it was; a range whose stream breaks is resumed
   * like any stream ({@link VerifyingInputStream}). The file is checked against the object's
   * CRC32C (else MD5), read back from the file in order, each range as soon as it and those
   * before it are in (while later ranges still download), then renamed over the target.
   */
  private final class RangedDownload {
    private final String key;
    private final Path target;
    private final DriverReader first;
    private final ObjectInfo info;
    private final long size;
    private final int ranges;
    private final AtomicInteger nextRange = new AtomicInteger(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicIntegerArray copied;
    private final ReentrantLock hashing = new ReentrantLock();
    private FileChannel out;
    private VerifyingInputStream.Expected checksum;
    private Digests digests; // guarded by hashing
    private FileChannel hashIn; // guarded by hashing
    private int hashed; // ranges hashed so far, in order; guarded by hashing

    RangedDownload(String key, Path target, DriverReader first) {
      this.key = key;
      this.target = target;
      this.first = first;
      this.info = first.info();
      this.size = info.size();
      this.ranges = (int) ((size - 1) / rangeSize + 1);
      this.copied = new AtomicIntegerArray(ranges);
    }

    long run() {
      Path temp = null;
      List<Future<?>> helpers = new ArrayList<>();
      try {
        TempFile created = newTemp(target.toAbsolutePath().getParent());
        temp = created.path();
        out = created.channel();
        checksum = verifyChecksums ? VerifyingInputStream.Expected.of(info) : null;
        try {
          if (checksum != null) {
            digests = checksum.newDigests();
            hashIn = FileChannel.open(temp, StandardOpenOption.READ);
          }
          int extra = Math.min(concurrency, ranges) - 1;
          for (int i = 0; i < extra; i++) {
            helpers.add(transfers.executor().submit(this::work));
          }
          try {
            copyRange(0, first);
          } catch (IOException | RuntimeException | Error e) {
            fail(e);
          }
          work();
          for (Future<?> f : helpers) {
            awaitQuietly(f);
          }
          Throwable failed = failure.get();
          if (failed != null) {
            throw failed instanceof YshException y ? y : Failures.unwrapIo(invoker, "download", key, failed);
          }
          verify();
        } finally {
          out.close();
          if (hashIn != null) {
            hashIn.close();
          }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
        return size;
      } catch (IOException e) {
        throw Failures.unwrapIo(invoker, "download", key, e);
      } catch (RuntimeException e) {
        fail(e);
        throw e;
      } finally {
        for (Future<?> f : helpers) {
          awaitQuietly(f);
        }
        closeQuietly(first.stream());
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // best effort
          }
        }
      }
    }

    /** Takes ranges until none is left or one failed. */
    private void work() {
      try {
        for (int i = nextRange.getAndIncrement(); i < ranges && failure.get() == null; i = nextRange.getAndIncrement()) {
          long from = (long) i * rangeSize;
          long length = Math.min(rangeSize, size - from);
          DriverReader reader = invoker.call("get", key, true, () -> driver.read(key, ByteRange.of(from, length)));
          if (!info.etag().equals(reader.info().etag()) || reader.info().size() != size || reader.length() != length) {
            closeQuietly(reader.stream());
            throw invoker.map("download", key, YshException.of(ErrorCode.UNAVAILABLE,
                "the object changed during the download (etag " + info.etag() + " at the start, "
                    + reader.info().etag() + " for bytes " + from + " to " + (from + length) + "); the target was"
                    + " left as it was, download it again"));
          }
          copyRange(i, reader);
        }
      } catch (IOException | RuntimeException | Error e) {
        fail(e);
      }
    }

    /** Streams one range (resumed at the same version when its stream breaks) into the file at its place. */
    private void copyRange(int index, DriverReader reader) throws IOException {
      long from = (long) index * rangeSize;
      VerifyingInputStream.Resume resume = new VerifyingInputStream.Resume(from, info.etag(),
          (start, length) -> invoker.call("get", key, true, () -> driver.read(key, ByteRange.of(start, length))));
      byte[] chunk = new byte[64 * 1024];
      long position = from;
      try (InputStream in = new VerifyingInputStream(reader.stream(), invoker, key, reader.length(), null, resume)) {
        int n;
        while (failure.get() == null && (n = in.read(chunk, 0, chunk.length)) >= 0) {
          ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
          while (b.hasRemaining()) {
            position += out.write(b, position);
          }
        }
      }
      if (position == from + reader.length()) {
        copied.set(index, 1);
        hashCopied(false);
      }
    }

    /**
     * Hashes, in order, the ranges already in the file that follow those hashed so far, reading
     * them back from the file: the whole-object check runs while later ranges still download,
     * instead of as one more pass over the file at the end. With {@code wait} false it leaves the
     * work to a thread already at it (which takes what is ready when it gets there; the final
     * {@link #verify()} takes the rest).
     */
    private void hashCopied(boolean wait) throws IOException {
      if (checksum == null) {
        return;
      }
      if (wait) {
        hashing.lock();
      } else if (!hashing.tryLock()) {
        return;
      }
      try {
        ByteBuffer buf = TransferBuffers.acquire();
        try {
          while (hashed < ranges && copied.get(hashed) == 1 && failure.get() == null) {
            long position = (long) hashed * rangeSize;
            long end = Math.min(size, position + rangeSize);
            while (position < end) {
              buf.clear().limit((int) Math.min(buf.capacity(), end - position));
              int n = hashIn.read(buf, position);
              if (n < 0) {
                break; // the count check in verify() reports it
              }
              digests.update(buf.flip());
              position += n;
            }
            hashed++;
          }
        } finally {
          TransferBuffers.release(buf);
        }
      } finally {
        hashing.unlock();
      }
    }

    /** Records the first failure and stops the other ranges at their next chunk. */
    private void fail(Throwable e) {
      failure.compareAndSet(null, e);
    }

    /**
     * Once every range is in the file: hashes what is not hashed yet and checks the whole file,
     * read back from it, against the object's checksum.
     */
    private void verify() throws IOException {
      if (checksum == null) {
        return;
      }
      hashing.lock(); // digests were last updated under it, maybe by another thread
      try {
        hashCopied(true);
        if (hashed != ranges || digests.count() != size) {
          throw invoker.map("download", key, YshException.of(ErrorCode.UNAVAILABLE,
              "download wrote " + digests.count() + " of " + size + " bytes"));
        }
        checksum.verify(invoker, key, digests);
      } finally {
        hashing.unlock();
      }
    }
  }

  private static void awaitQuietly(Future<?> f) {
    boolean interrupted = false;
    while (true) {
      try {
        f.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | CancellationException e) {
        break; // work() records its own failures
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing to add to the download's outcome
    }
  }
}
