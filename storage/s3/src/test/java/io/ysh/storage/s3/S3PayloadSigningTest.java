package io.ysh.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3StorageDriver.Builder#payloadSigningOverHttp(boolean)}: what goes on the wire to a
 * plain-HTTP S3Proxy (seen through a recording proxy), that the server accepts it, and that the
 * CRC32C still guards the unsigned bodies.
 */
class S3PayloadSigningTest {

  private static final Pattern CONTENT_SHA256 = Pattern.compile("(?im)^x-amz-content-sha256:\\s*(\\S+)$");
  private static final Pattern REQUEST_LINE = Pattern.compile("(PUT|POST|GET|HEAD|DELETE) /\\S* HTTP/1\\.1$");
  /** A PUT of an object (a part or a single PUT), not of a bucket. */
  private static final Pattern OBJECT_PUT = Pattern.compile("(?m)^PUT /[^/\\s]+/\\S+ HTTP/1\\.1$");

  /**
   * A TCP proxy to S3Proxy that keeps the first bytes of every request stream (the headers of the
   * first requests on each connection, and enough of the bodies) and can flip one byte far into a
   * connection's request stream, inside a part's body.
   */
  private static final class Recorder implements AutoCloseable {
    private final ServerSocket server;
    private final List<StringBuilder> streams = new CopyOnWriteArrayList<>();
    private final long flipAt;
    private final AtomicBoolean flipped = new AtomicBoolean();

    Recorder(URI upstream, long flipAt) throws IOException {
      this.flipAt = flipAt;
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            Socket target = new Socket(upstream.getHost(), upstream.getPort());
            StringBuilder seen = new StringBuilder();
            streams.add(seen);
            pump(client, target, seen);
            pump(target, client, null);
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    URI endpoint() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void pump(Socket from, Socket to, StringBuilder record) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[16 * 1024];
        AtomicLong offset = new AtomicLong();
        StringBuilder partial = new StringBuilder();
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          int n;
          while ((n = in.read(buf)) >= 0) {
            long start = offset.getAndAdd(n);
            if (record != null) {
              if (flipAt > 0 && start <= flipAt && flipAt < start + n && flipped.compareAndSet(false, true)) {
                buf[(int) (flipAt - start)] ^= 1;
              }
              // keep the request lines and x-amz- headers, not megabytes of body; a line may
              // straddle two reads
              partial.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
              int end;
              while ((end = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, end).strip(); // without the \r
                partial.delete(0, end + 1);
                // a request line follows the previous request's body on the same line
                Matcher request = REQUEST_LINE.matcher(line);
                if (request.find()) {
                  line = line.substring(request.start());
                }
                if (request.find(0) || line.regionMatches(true, 0, "x-amz-", 0, 6)) {
                  synchronized (record) {
                    record.append(line).append('\n');
                  }
                }
              }
              if (partial.length() > 8192) {
                partial.delete(0, partial.length() - 8192); // body bytes: a header line is never that long
              }
            }
            out.write(buf, 0, n);
          }
        } catch (IOException ignored) {
          // a connection closed
        } finally {
          try {
            from.close();
            to.close();
          } catch (IOException ignored) {
            // closing
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    /** The x-amz-content-sha256 values sent with the PUTs of objects (parts and single PUTs). */
    List<String> putPayloadHashes() {
      List<String> hashes = new java.util.ArrayList<>();
      for (StringBuilder s : streams) {
        String text;
        synchronized (s) {
          text = s.toString();
        }
        String[] requests = text.split("(?m)(?=^(PUT|POST|GET|HEAD|DELETE) /)");
        for (String r : requests) {
          if (OBJECT_PUT.matcher(r).find()) {
            Matcher m = CONTENT_SHA256.matcher(r);
            hashes.add(m.find() ? m.group(1) : "none");
          }
        }
      }
      return hashes;
    }

    /** How many part uploads (PUT ...partNumber=) carried x-amz-checksum-crc32c. */
    long partsWithACrc32c() {
      long n = 0;
      for (StringBuilder s : streams) {
        String text;
        synchronized (s) {
          text = s.toString();
        }
        for (String r : text.split("(?m)(?=^(PUT|POST|GET|HEAD|DELETE) /)")) {
          if (r.startsWith("PUT ") && r.contains("partNumber=")
              && r.toLowerCase(java.util.Locale.ROOT).contains("x-amz-checksum-crc32c:")) {
            n++;
          }
        }
      }
      return n;
    }

    @Override
    public String toString() {
      return streams.toString();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static byte[] data() {
    byte[] data = new byte[(5 << 20) + 4321];
    new Random(5).nextBytes(data);
    return data;
  }

  private static ObjectStorage storage(URI endpoint, S3TestServers.Endpoint s, String bucket, boolean sign) {
    S3StorageDriver driver = S3StorageDriver.builder().bucket(bucket).endpoint(endpoint).pathStyle(true)
        .region("us-east-1").credentials(s.accessKey(), Secret.of(s.secretKey())).payloadSigningOverHttp(sign)
        .build();
    return ObjectStorage.builder(driver).partSize(5L << 20).build();
  }

  @Test
  void unsignedBodiesOverHttpAreAcceptedAndStillCarryTheirCrc32c() throws Exception {
    S3TestServers.Endpoint s = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "ups-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] data = data();
    try (Recorder recorder = new Recorder(s.endpoint(), -1);
        ObjectStorage storage = storage(recorder.endpoint(), s, bucket, false)) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      var written = storage.put("multi", new ByteArrayInputStream(data), -1, WriteOptions.defaults());
      assertThat(written.etag()).matches("[0-9a-f]{32}-2"); // two parts
      storage.put("single", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, WriteOptions.defaults());
      assertThat(storage.getBytes("multi")).isEqualTo(data);
      assertThat(storage.getBytes("single")).containsExactly(1, 2, 3);
      // two parts and the single PUT: all sent unsigned, the parts with their CRC32C
      assertThat(recorder.putPayloadHashes()).as("%s", recorder).hasSize(3).containsOnly("UNSIGNED-PAYLOAD");
      assertThat(recorder.partsWithACrc32c()).isEqualTo(2);
    }
  }

  @Test
  void bodiesOverHttpAreSignedByDefault() throws Exception {
    S3TestServers.Endpoint s = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "sps-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] data = data();
    try (Recorder recorder = new Recorder(s.endpoint(), -1)) {
      S3StorageDriver driver = S3StorageDriver.builder().bucket(bucket).endpoint(recorder.endpoint())
          .pathStyle(true).region("us-east-1").credentials(s.accessKey(), Secret.of(s.secretKey())).build();
      try (ObjectStorage storage = ObjectStorage.builder(driver).partSize(5L << 20).build()) {
        storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
        storage.put("multi", new ByteArrayInputStream(data), -1, WriteOptions.defaults());
        assertThat(storage.getBytes("multi")).isEqualTo(data);
        assertThat(recorder.putPayloadHashes()).as("%s", recorder).hasSize(2)
            .containsOnly("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"); // the parts, signed chunk by chunk
      }
    }
  }

  /**
   * One byte flipped on the way, inside a part's body (2 MiB into a connection's requests): the
   * part's CRC32C, which the unsigned body still carries in a signed header, makes the server
   * refuse the part ({@code BadDigest}, retryable: the bytes were damaged on the way); the part is
   * sent again, and the object stored is the original, never the damaged bytes.
   */
  @Test
  void aBodyDamagedOnTheWayIsRefusedByItsCrc32cWhenUnsignedAndSentAgain() throws Exception {
    S3TestServers.Endpoint s = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "upd-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] data = data();
    try (Recorder recorder = new Recorder(s.endpoint(), 2L << 20);
        ObjectStorage storage = storage(recorder.endpoint(), s, bucket, false)) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      storage.put("multi", new ByteArrayInputStream(data), -1, WriteOptions.defaults());
      assertThat(recorder.flipped).isTrue();
      assertThat(recorder.putPayloadHashes()).contains("UNSIGNED-PAYLOAD").doesNotContain("none");
      assertThat(storage.getBytes("multi")).isEqualTo(data);
      assertThat(storage.unwrap(S3Client.class).listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    }
  }
}
