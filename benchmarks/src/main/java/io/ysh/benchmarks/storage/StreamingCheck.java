package io.ysh.benchmarks.storage;

import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Streams a generated object of any size up and down through a storage URL and checks that the
 * bytes come back intact, to show that memory does not depend on the object's size:
 *
 * <pre>
 * java -Xmx128m -cp benchmarks.jar io.ysh.benchmarks.storage.StreamingCheck file:///tmp/big 1073741824
 * java -Xmx128m -cp benchmarks.jar io.ysh.benchmarks.storage.StreamingCheck \
 *     "s3://KEY:SECRET@bucket?endpoint=http://127.0.0.1:PORT&amp;pathStyle=true&amp;region=us-east-1" 1073741824
 * </pre>
 *
 * <p>The upload is an unknown-length stream (multipart with one part buffer).
 */
public final class StreamingCheck {

  private StreamingCheck() {}

  /**
   * Runs the check.
   *
   * @param args the storage URL and the size in bytes
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    long size = Long.parseLong(args[1]);
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      long t0 = System.nanoTime();
      WriteResult r = storage.put("streaming-check.bin", new Generated(size), -1, WriteOptions.defaults());
      long t1 = System.nanoTime();
      // the MD5 when the driver computed one, else the CRC32C (the fs driver computes no MD5)
      boolean byMd5 = r.md5() != null;
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      CRC32C crc32c = new CRC32C();
      long read = 0;
      try (InputStream in = storage.get("streaming-check.bin")) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          if (byMd5) {
            md5.update(buf, 0, n);
          } else {
            crc32c.update(buf, 0, n);
          }
          read += n;
        }
      }
      long t2 = System.nanoTime();
      String up = byMd5 ? r.md5() : r.crc32c();
      String back = byMd5 ? HexFormat.of().formatHex(md5.digest()) : String.format("%08x", crc32c.getValue());
      Runtime rt = Runtime.getRuntime();
      System.out.printf("size=%d written=%d read=%d %s up=%s down=%s match=%s put=%.1fs get=%.1fs maxHeap=%dMiB%n",
          size, r.size(), read, byMd5 ? "md5" : "crc32c", up, back, back.equals(up), (t1 - t0) / 1e9,
          (t2 - t1) / 1e9, rt.maxMemory() >> 20);
      storage.delete("streaming-check.bin");
      if (!back.equals(up) || read != size) {
        System.exit(1);
      }
    }
  }

  /** Deterministic pseudo-random bytes, generated on the fly. */
  private static final class Generated extends InputStream {
    private final long size;
    private long pos;
    private long state = 0x9E3779B97F4A7C15L;

    Generated(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (pos >= size) {
        return -1;
      }
      pos++;
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      return (int) (state & 0xff);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      pos += n;
      return n;
    }
  }
}
