package io.ysh.benchmarks.storage;

import io.ysh.benchmarks.PairedTimes;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.fs.FsStorageDriver;
import java.io.IOException;
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
