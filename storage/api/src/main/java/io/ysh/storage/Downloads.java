package io.ysh.storage;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.FileRegion;
import io.ysh.storage.spi.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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

  Downloads(StorageDriver driver, Invoker invoker, boolean verifyChecksums) {
    this.driver = driver;
    this.invoker = invoker;
    this.verifyChecksums = verifyChecksums;
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
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    DriverReader reader = invoker.call("get", key, true, () -> driver.read(key, null));
    try (InputStream raw = reader.stream()) {
      long n;
      FileChannel out = null;
      try {
        for (int attempt = 0; out == null; attempt++) {
          temp = dir.resolve(".ysh-download-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
          try {
            out = FileChannel.open(temp, TEMP_OPTIONS, tempAttributes(dir));
          } catch (FileAlreadyExistsException e) {
            temp = null;
            if (attempt >= 10) {
              throw e;
            }
          }
        }
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
}
