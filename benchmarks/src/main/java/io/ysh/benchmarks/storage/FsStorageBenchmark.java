package io.ysh.benchmarks.storage;

import io.ysh.benchmarks.PairedTimes;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.fs.FsStorageDriver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fs driver's put (from a file) and get (download to a file) versus plain {@link Files#copy}
 * of the same file on the same disk. The driver also computes the CRC32C of every byte (on upload;
 * verified on download), sets the metadata attribute and moves a temporary file into place.
 *
 * <p>{@code portablePut} and {@code portableGet} replace an existing file each time, by an atomic
 * rename; ext4 (with its default {@code auto_da_alloc}) then starts writing the new file to disk
 * at once, which {@code Files.copy} (unlink, then create) never does: {@code filesCopyAtomic}
 * (copy to a temporary file, rename over the target) is plain Java paying that same price, and
 * {@code portablePutNew}/{@code portableGetNew} (delete first, as {@code Files.copy} does) the
 * driver not paying it.
 *
 * <p>{@code pairedPutPlain} and {@code pairedGetPlain} (issue 20 §2) compare the driver with plain
 * Java doing the same work and giving the same guarantees: for a put, a temporary file in the same
 * directory written through a 256 KiB direct buffer with the CRC32C computed on the way, the same
 * metadata set ({@code user.ysh.meta = crc32c=<hex>}, what the driver stored for an object with
 * default options when the README's numbers were measured; it now also records the file's identity,
 * {@code file=<device hex>:<inode>}, which plain Java here does not) and an atomic rename over the
 * target; for a download, the object's file read
 * through the same buffer into a temporary file next to the target, its CRC32C computed and checked
 * against the stored one, and an atomic rename over the target.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FsStorageBenchmark {

  /** File size in bytes. */
  @Param({"4096", "1048576", "67108864"})
  public int size;

  private Path dir;
  private Path source;
  private Path target;
  private Path copyTarget;
  private ObjectStorage storage;
  private Path plainDir;
  private Path plainObject;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);

  /**
   * Creates the source file and the storage.
   *
   * @throws IOException on failure
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("ysh-fs-bench");
    source = dir.resolve("source.bin");
    byte[] data = new byte[size];
    new Random(7).nextBytes(data);
    Files.write(source, data);
    target = dir.resolve("download.bin");
    copyTarget = dir.resolve("copy.bin");
    storage = ObjectStorage.builder(FsStorageDriver.builder().root(dir.resolve("root")).build())
        .telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
    storage.put("object.bin", source, WriteOptions.defaults());
    storage.put("plain/object.bin", source, WriteOptions.defaults());
    plainDir = dir.resolve("root").resolve("plain");
    plainObject = plainDir.resolve("object.bin");
    storage.put("put/put.bin", source, WriteOptions.defaults());
  }

  /** Copies a channel into another through the direct buffer, updating a CRC32C; returns the byte count. */
  private long copy(FileChannel in, FileChannel out, CRC32C crc) throws IOException {
    long n = 0;
    while (true) {
      buffer.clear();
      int r = in.read(buffer);
      if (r < 0) {
        return n;
      }
      buffer.flip();
      crc.update(buffer.duplicate());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      n += r;
    }
  }

  /**
   * Plain Java doing what a put does: temporary file in the target's directory, CRC32C on the way,
   * the same metadata attribute, atomic rename over the target.
   *
   * @return the CRC32C
   * @throws IOException on failure
   */
  @Benchmark
  public String plainPut() throws IOException {
    Path temp = plainDir.resolve(".tmp-put");
    CRC32C crc = new CRC32C();
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      copy(in, out, crc);
    }
    String hex = HexFormat.of().toHexDigits((int) crc.getValue());
    Files.getFileAttributeView(temp, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .write("ysh.meta", ByteBuffer.wrap(("crc32c=" + hex + "\n").getBytes(StandardCharsets.ISO_8859_1)));
    Files.move(temp, plainDir.resolve("put.bin"), StandardCopyOption.ATOMIC_MOVE);
    return hex;
  }

  /**
   * Plain Java doing what a download does: read the stored CRC32C, copy the object's file into a
   * temporary file next to the target computing the CRC32C, check it, atomic rename over the target.
   *
   * @return the byte count
   * @throws IOException on failure
   */
  @Benchmark
  public long plainGet() throws IOException {
    ByteBuffer meta = ByteBuffer.allocate(3072);
    Files.getFileAttributeView(plainObject, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .read("ysh.meta", meta);
    String stored = new String(meta.array(), 0, meta.position(), StandardCharsets.ISO_8859_1);
    Path temp = dir.resolve(".plain-download.tmp");
    CRC32C crc = new CRC32C();
    long n;
    try (FileChannel in = FileChannel.open(plainObject, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      n = copy(in, out, crc);
    }
    if (!stored.contains("crc32c=" + HexFormat.of().toHexDigits((int) crc.getValue()))) {
      Files.delete(temp);
      throw new IOException("CRC32C mismatch");
    }
    Files.move(temp, dir.resolve("plain-download.bin"), StandardCopyOption.ATOMIC_MOVE);
    return n;
  }

  /**
   * The driver's put over an existing key in a directory (the counterpart of {@link #plainPut}).
   *
   * @return the ETag
   */
  @Benchmark
  public String portablePutDir() {
    return storage.put("put/put.bin", source, WriteOptions.defaults()).etag();
  }

  /**
   * The driver's download of the object the plain baseline reads (the counterpart of {@link #plainGet}).
   *
   * @return the byte count
   */
  @Benchmark
  public long portableGetDir() {
    return storage.download("plain/object.bin", target);
  }

  /**
   * Plain Java and the driver putting the same file over an existing object, alternating.
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedPutPlain(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::plainPut, this::portablePutDir, blackhole);
  }

  /**
   * Plain Java and the driver downloading the same object over an existing file (verified), alternating.
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedGetPlain(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::plainGet, this::portableGetDir, blackhole);
  }

  /**
   * Deletes the files.
   *
   * @throws IOException on failure
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Plain copy, the baseline of put.
   *
   * @return the target
   * @throws IOException on failure
   */
  @Benchmark
  public Path filesCopy() throws IOException {
    return Files.copy(source, copyTarget, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Copy to a temporary file and atomic rename over the target: the baseline of an atomic replace.
   *
   * @return the target
   * @throws IOException on failure
   */
  @Benchmark
  public Path filesCopyAtomic() throws IOException {
    Path temp = dir.resolve("copy.tmp");
    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(temp, copyTarget, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Portable put of a key that does not exist (deleted first, in the measured time).
   *
   * @return the ETag
   */
  @Benchmark
  public String portablePutNew() {
    storage.delete("new.bin");
    return storage.put("new.bin", source, WriteOptions.defaults()).etag();
  }

  /**
   * Portable download to a file that does not exist (deleted first, in the measured time).
   *
   * @return the byte count
   * @throws IOException on failure
   */
  @Benchmark
  public long portableGetNew() throws IOException {
    Files.deleteIfExists(target);
    return storage.download("object.bin", target);
  }

  /**
   * {@code Files.copy} and a portable put of a new key, alternating (see {@link PairedTimes}).
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedPutNew(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::filesCopy, this::portablePutNew, blackhole);
  }

  /**
   * {@code Files.copy} and a portable download to a new file, alternating (see {@link PairedTimes}).
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedGetNew(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::filesCopy, this::portableGetNew, blackhole);
  }

  /**
   * The atomic-replace baseline and a portable put over an existing key, alternating.
   *
   * @param times the pair timer
   * @param blackhole consumes the results
   * @throws Exception on failure
   */
  @Benchmark
  public void pairedPutAtomic(PairedTimes times, Blackhole blackhole) throws Exception {
    times.time(this::filesCopyAtomic, this::portablePut, blackhole);
  }

  /**
   * Portable put from the file.
   *
   * @return the ETag
   */
  @Benchmark
  public String portablePut() {
    return storage.put("put.bin", source, WriteOptions.defaults()).etag();
  }

  /**
   * Portable download to a file (verified).
   *
   * @return the byte count
   */
  @Benchmark
  public long portableGet() {
    return storage.download("object.bin", target);
  }
}
