package io.ysh.examples;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Storage: upload a large file with progress, list by prefix, hand out a signed download URL.
 *
 * <p>The portable {@link ObjectStorage} streams the file (multipart above the part size, 8 MiB by
 * default), so memory stays flat whatever the size. Signed URLs need a provider that signs
 * (s3, minio, azblob); {@code file://} and {@code mem://} cannot, and say so with
 * {@code UNSUPPORTED} rather than hand out a URL nobody can open.
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.LargeUploadExample
 * YSH_STORAGE_URL='s3://KEY:SECRET@bucket?endpoint=http://127.0.0.1:9000&amp;pathStyle=true&amp;region=us-east-1' (same command)
 * </pre>
 */
public final class LargeUploadExample {

  private final ObjectStorage storage;
  private final PrintStream out;

  /**
   * An example on a store.
   *
   * @param storage the store
   * @param out where progress goes
   */
  public LargeUploadExample(ObjectStorage storage, PrintStream out) {
    this.storage = storage;
    this.out = out;
  }

  /**
   * What the example did.
   *
   * @param key the uploaded object
   * @param bytes its size
   * @param progressSteps the progress percentages printed, in order
   * @param listed the keys listed under the prefix
   * @param signedUrl the signed download URL, when the provider signs
   */
  public record Result(String key, long bytes, List<Integer> progressSteps, List<String> listed, Optional<URI> signedUrl) {}

  /**
   * Runs on {@code YSH_STORAGE_URL} (default: {@code file://} under a temporary directory) with a
   * file of {@code YSH_UPLOAD_MB} MiB (default 64).
   *
   * @param args ignored
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("ysh-upload-");
    String url = System.getenv().getOrDefault("YSH_STORAGE_URL", dir.resolve("objects").toUri().toString());
    int mib = Integer.parseInt(System.getenv().getOrDefault("YSH_UPLOAD_MB", "64"));
    Path file = randomFile(dir.resolve("panel-datasheets.bin"), mib * (1L << 20));
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      new LargeUploadExample(storage, System.out).run(file, "uploads/2026/11/");
    }
  }

  /**
   * Uploads {@code file} under {@code prefix}, plus two small objects, lists the prefix and signs
   * a download URL for the upload.
   *
   * @param file the file
   * @param prefix the key prefix, ending with {@code /}
   * @return what happened
   * @throws IOException if the file cannot be read
   */
  public Result run(Path file, String prefix) throws IOException {
    long size = Files.size(file);
    String key = prefix + file.getFileName();
    out.printf("uploading %s (%d MiB) to %s as %s%n", file.getFileName(), size >> 20, storage.provider(), key);
    List<Integer> steps = new java.util.ArrayList<>();
    long t0 = System.nanoTime();
    WriteResult written;
    try (InputStream in = new ProgressInputStream(Files.newInputStream(file), size, pct -> {
      steps.add(pct);
      out.printf("  %3d%% %s%n", pct, "#".repeat(pct / 5));
    })) {
      written = storage.put(key, in, size, WriteOptions.builder().contentType("application/octet-stream")
          .metadata("source", "ysh-examples").build());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf("uploaded %d bytes in %.2f s (%.1f MiB/s), etag %s%n", size, secs, size / secs / (1 << 20), written.etag());

    storage.put(prefix + "readme.txt", "datasheets for quote q-42".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    storage.put(prefix + "thumbs/panel.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    List<String> listed;
    try (Stream<ListEntry> entries = storage.list(prefix)) {
      List<ListEntry> all = entries.collect(Collectors.toList());
      listed = all.stream().map(ListEntry::key).toList();
      out.printf("list %s:%n", prefix);
      all.forEach(e -> out.printf("  %-40s %,12d bytes%n", e.key(), e.size()));
    }

    Optional<URI> signed = Optional.empty();
    if (storage.supports(StorageCapability.SIGNED_URL)) {
      URI uri = storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofMinutes(15)).uri();
      signed = Optional.of(uri);
      out.printf("signed GET URL, valid 15 min (anyone holding it can download):%n  %s%n", shorten(uri.toString()));
    } else {
      try {
        storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofMinutes(15));
        throw new IllegalStateException("the provider claimed not to sign URLs but did");
      } catch (YshException e) {
        if (e.code() != ErrorCode.UNSUPPORTED) {
          throw e;
        }
        out.printf("no signed URL: %s cannot sign (%s). A signed URL is the provider's own proof;%n"
            + "  use s3://, minio:// or azblob:// for that, or stream the object through your service.%n",
            storage.provider(), e.code());
      }
    }
    return new Result(key, size, steps, listed, signed);
  }

  /**
   * Writes a file of random bytes (incompressible, like photos and PDFs).
   *
   * @param file where
   * @param bytes how many
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path randomFile(Path file, long bytes) throws IOException {
    Random random = new Random(42);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream o = Files.newOutputStream(file)) {
      for (long left = bytes; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        o.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return file;
  }

  private static String shorten(String url) {
    return url.length() <= 160 ? url : url.substring(0, 150) + "…(" + url.length() + " chars)";
  }

  /** Reports every 10% read. */
  private static final class ProgressInputStream extends FilterInputStream {
    private final long total;
    private final java.util.function.IntConsumer listener;
    private long read;
    private int lastReported = -1;

    ProgressInputStream(InputStream in, long total, java.util.function.IntConsumer listener) {
      super(in);
      this.total = total;
      this.listener = listener;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      read += n;
      int pct = total == 0 ? 100 : (int) (read * 100 / total);
      int step = pct / 10 * 10;
      if (step > lastReported) {
        lastReported = step;
        listener.accept(step);
      }
    }
  }

  @Override
  public String toString() {
    return "LargeUploadExample[" + storage.provider() + "]";
  }
}
