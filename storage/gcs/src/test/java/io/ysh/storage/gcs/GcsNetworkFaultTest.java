package io.ysh.storage.gcs;

import io.ysh.storage.conformance.StorageNetworkFaults;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.fault.Toxic;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Network faults between the GCS driver (google-cloud-storage over its JSON API) and a server.
 * No offline GCS server exists and {@code LocalStorageHelper} is in-process (no HTTP, so nothing
 * to break on the wire), so the server is {@link FakeGcsServer}: an HTTP stub of the JSON API
 * calls the driver's reads and writes make (metadata, ranged media downloads, resumable
 * uploads), shaped as Google documents them. Every upload is one resumable session whose chunks
 * are {@code PUT}s with a {@code Content-Range}; a portable part is appended to the session, and
 * the chunk size is the part size, so "part 2" is the chunk that starts at the part size.
 * Pending uploads are sessions never finalized: a write the driver gives up on leaves one, since
 * the client library cannot cancel a session (GCS never shows it and drops it after a week). What this cannot show is how real GCS answers; what it shows is what the client and
 * the driver do when the connection breaks.
 */
class GcsNetworkFaultTest extends StorageNetworkFaults {

  private static final String BUCKET = "ysh-faults";
  private static final long PART = 1L << 20;

  @Override
  protected Harness createHarness() throws Exception {
    FakeGcsServer gcs = new FakeGcsServer();
    return new Harness() {
      @Override
      public String name() {
        return "gcs";
      }

      @Override
      public InetSocketAddress server() {
        return new InetSocketAddress("127.0.0.1", gcs.port());
      }

      @Override
      public StorageDriver driver(URI endpoint, Duration attemptTimeout) {
        return GcsStorageDriver.builder().bucket(BUCKET).projectId("ysh").noCredentials()
            .endpoint(endpoint.toString()).connectTimeout(attemptTimeout).readTimeout(attemptTimeout)
            .chunkSize((int) PART).build();
      }

      /** google-cloud-storage has no call to cancel a resumable session (see the class javadoc). */
      @Override
      public boolean cancelsFailedUploads() {
        return false;
      }

      /** BlobWriteSession never resends a chunk (see the driver's javadoc). */
      @Override
      public boolean retriesParts() {
        return false;
      }

      @Override
      public long partSize() {
        return PART;
      }

      /** Single writes are one session, finalized by the chunk that starts at 0. */
      @Override
      public String singlePut(String key) {
        return "(?is)^PUT /upload/storage/v1/b/" + BUCKET + "/o\\?\\S*upload_id=.*\r\ncontent-range: bytes 0-";
      }

      @Override
      public String partUpload(String key, int number) {
        return "(?is)^PUT /upload/storage/v1/b/" + BUCKET + "/o\\?\\S*upload_id=.*\r\ncontent-range: bytes "
            + (number - 1) * PART + "-";
      }

      @Override
      public String dataGet(String key) {
        return "^GET /download/storage/v1/b/" + BUCKET + "/o/"
            + Pattern.quote(URLEncoder.encode(key, StandardCharsets.UTF_8)) + "\\?";
      }

      @Override
      public Toxic throttled(int seconds) {
        return Toxic.respond(429, Map.of("Retry-After", Integer.toString(seconds),
            "Content-Type", "application/json; charset=UTF-8"), "{\"error\":{\"code\":429,\"message\":\"The rate of"
                + " change requests to the object is too high.\",\"errors\":[{\"domain\":\"usageLimits\","
                + "\"reason\":\"rateLimitExceeded\",\"message\":\"slow down\"}]}}");
      }

      @Override
      public int pendingUploads(String prefix) {
        return gcs.openSessions(prefix);
      }

      @Override
      public void close() {
        gcs.close();
      }
    };
  }
}
