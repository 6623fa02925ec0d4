package io.ysh.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.testkit.server.s3.S3TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** S3-specific behaviour: URL options, bad input, credentials and expiry, against S3Proxy. */
class S3DriverTest {

  private static void assertCode(ErrorCode code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }

  /** A driver for a bucket of the test server, with its credentials. */
  private static S3StorageDriver driver(S3TestServers.Endpoint s, String bucket) {
    return S3StorageDriver.builder().bucket(bucket).endpoint(s.endpoint()).pathStyle(true)
        .region("us-east-1").credentials(s.accessKey(), Secret.of(s.secretKey())).build();
  }

  private static S3TestServers.Endpoint server() {
    return S3TestServers.s3proxy(Path.of("target", "s3proxy"));
  }

  @Test
  void badUrlsAreInvalidArgumentsBeforeAnyNetworkCall() {
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://bucket-without-region"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://my-bucket?region=mars-north-9"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://Bad_Bucket?region=us-east-1"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://my-bucket?region=us-east-1&regoin=x"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://AKIAONLY@my-bucket?region=us-east-1"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("s3://?region=us-east-1"));
  }

  @Test
  void openByUrlWithEndpointPathStyleAndCredentials() {
    S3TestServers.Endpoint s = server();
    String bucket = "url-" + UUID.randomUUID().toString().substring(0, 8);
    try (ObjectStorage storage = ObjectStorage.open("s3://" + s.accessKey() + ":" + s.secretKey() + "@" + bucket
        + "?endpoint=" + s.endpoint() + "&pathStyle=true&region=us-east-1&timeout=30s")) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      storage.put("hello.txt", "olá".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(storage.getBytes("hello.txt"), StandardCharsets.UTF_8)).isEqualTo("olá");
      assertThat(storage.toString()).doesNotContain(s.secretKey());
    }
  }

  @Test
  void singlePutsStoreTheirCrc32cWhichGetsAreVerifiedAgainst() {
    S3TestServers.Endpoint s = server();
    String bucket = "crc-" + UUID.randomUUID().toString().substring(0, 8);
    S3StorageDriver driver = driver(s, bucket);
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      S3Client raw = storage.unwrap(S3Client.class);
      raw.createBucket(c -> c.bucket(bucket));
      byte[] data = new byte[100_000];
      new java.util.Random(3).nextBytes(data);
      var written = storage.put("with-crc", data);
      // S3 checked the x-amz-checksum-crc32c we sent and reports it back
      assertThat(storage.stat("with-crc").crc32c()).isEqualTo(written.crc32c());
      assertThat(storage.stat("with-crc").metadata()).isEmpty();
      assertThat(raw.headObject(h -> h.bucket(bucket).key("with-crc")
          .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).checksumCRC32C()).isNotNull();
      assertThat(storage.getBytes("with-crc")).isEqualTo(data);
      // an object written without a checksum is still verified, against its MD5 ETag
      raw.putObject(p -> p.bucket(bucket).key("no-crc"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(data));
      assertThat(storage.stat("no-crc").crc32c()).isNull();
      assertThat(storage.stat("no-crc").md5()).isEqualTo(written.md5());
      assertThat(storage.getBytes("no-crc")).isEqualTo(data);
    }
  }

  @Test
  void theDriverAsksForNoMd5() {
    // the CRC32C travels with each PUT and S3 checks it: the portable layer hashes no MD5
    try (S3StorageDriver driver = S3StorageDriver.builder().bucket("any-bucket").region("us-east-1")
        .credentials("AKIDSTUB", Secret.of("stub-secret")).build()) {
      assertThat(driver.checksumPlan().md5Uploads()).isFalse();
      assertThat(driver.checksumPlan().md5ForSingleWrite(16L << 20)).isFalse();
    }
  }

  @Test
  void largeSinglePutsStreamAndAreCheckedAgainstTheMd5Etag() throws Exception {
    S3TestServers.Endpoint s = server();
    String bucket = "big-" + UUID.randomUUID().toString().substring(0, 8);
    S3StorageDriver driver = driver(s, bucket);
    try (ObjectStorage storage = ObjectStorage.builder(driver).multipartThreshold(64L << 20).build()) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      byte[] data = new byte[(17 << 20) + 5]; // above the 16 MiB the driver reads into memory
      new java.util.Random(5).nextBytes(data);
      Path file = java.nio.file.Files.createTempFile("ysh-s3-big", ".bin");
      java.nio.file.Files.write(file, data);
      var written = storage.put("big", file, io.ysh.storage.WriteOptions.defaults()); // from a file: streamed
      java.nio.file.Files.delete(file);
      String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
      assertThat(written.md5()).isEqualTo(md5);
      assertThat(written.etag()).isEqualTo(md5); // one PUT, not a multipart upload
      assertThat(storage.getBytes("big")).isEqualTo(data);
    }
  }

  @Test
  void aLargeSinglePutWhoseEtagIsNotTheMd5SentIsDeletedAndFails() {
    WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    stub.start();
    try {
      stub.stubFor(WireMock.put(WireMock.urlPathEqualTo("/stub-bucket/big")).willReturn(WireMock.ok()
          .withHeader("ETag", "\"0123456789abcdef0123456789abcdef\"")));
      stub.stubFor(WireMock.delete(WireMock.urlPathEqualTo("/stub-bucket/big")).willReturn(WireMock.noContent()));
      S3StorageDriver driver = S3StorageDriver.builder().bucket("stub-bucket")
          .endpoint(URI.create("http://127.0.0.1:" + stub.port())).pathStyle(true).region("us-east-1")
          .credentials("AKIDSTUB", Secret.of("stub-secret")).build();
      try (ObjectStorage storage = ObjectStorage.builder(driver).multipartThreshold(64L << 20)
          .resilience(io.ysh.core.resilience.ResiliencePolicy.none()).build()) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> storage.put("big", new byte[(16 << 20) + 1]));
        assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
          assertThat(e.getMessage()).contains("checksum mismatch").contains("0123456789abcdef0123456789abcdef")
              .contains("deleted");
        });
      }
      stub.verify(1, WireMock.deleteRequestedFor(WireMock.urlPathEqualTo("/stub-bucket/big")));
    } finally {
      stub.stop();
    }
  }

  @Test
  void keysABatchDeleteRefusesComeBackAsPortableErrorsClassifiedByTheirCode() {
    WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    stub.start();
    try {
      stub.stubFor(WireMock.post(WireMock.urlPathEqualTo("/stub-bucket")).willReturn(WireMock.ok()
          .withHeader("Content-Type", "application/xml")
          .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
              + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
              + "<Error><Key>denied</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
              + "<Error><Key>gone</Key><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
              + "<Error><Key>odd</Key><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
              + "</DeleteResult>")));
      S3StorageDriver driver = S3StorageDriver.builder().bucket("stub-bucket")
          .endpoint(URI.create("http://127.0.0.1:" + stub.port())).pathStyle(true).region("us-east-1")
          .credentials("AKIDSTUB", Secret.of("stub-secret")).build();
      try (ObjectStorage storage = ObjectStorage.builder(driver)
          .resilience(io.ysh.core.resilience.ResiliencePolicy.none()).build()) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
            () -> storage.deleteAll(java.util.List.of("ok", "denied", "gone", "odd")));
        assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
          assertThat(e.getMessage()).contains("2 of 4 deletions failed").contains("denied").contains("AccessDenied");
          assertThat(e.getCause()).isInstanceOf(YshException.class);
          assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(YshException.class, odd -> {
            assertThat(odd.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(odd.isRetryable()).isTrue();
            assertThat(odd.getMessage()).contains("odd").contains("InternalError");
            assertThat(odd.getCause()).as("no provider exception is made up").isNull();
          });
        });
      }
    } finally {
      stub.stop();
    }
  }

  @Test
  void multipartUploadsKeepAFullObjectCrc32cThatDownloadsAreVerifiedAgainst() throws Exception {
    S3TestServers.Endpoint s = server();
    String bucket = "mpc-" + UUID.randomUUID().toString().substring(0, 8);
    S3StorageDriver driver = driver(s, bucket);
    try (ObjectStorage storage = ObjectStorage.builder(driver).partSize(5L << 20).build()) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      byte[] data = new byte[(5 << 20) + 1234];
      new java.util.Random(11).nextBytes(data);
      var written = storage.put("multi", new java.io.ByteArrayInputStream(data), -1, io.ysh.storage.WriteOptions.defaults());
      assertThat(written.etag()).matches("[0-9a-f]{32}-2"); // a multipart upload
      // what a whole download is checked against: S3's full-object CRC32C, equal to ours
      var reader = driver.read("multi", null);
      reader.stream().close();
      assertThat(reader.info().crc32c()).isEqualTo(written.crc32c());
      assertThat(storage.getBytes("multi")).isEqualTo(data);
    }
  }

  /**
   * A part sent with its CRC32C is checked by S3 on receipt: the driver reports no MD5 for the
   * portable layer to hash the part again for; without multipart checksums the part's MD5 ETag is
   * what checks it.
   */
  @Test
  void partsCheckedByTheirCrc32cReportNoMd5ToCompareAndOthersTheirMd5Etag() throws Exception {
    S3TestServers.Endpoint s = server();
    byte[] part = new byte[5 << 20];
    new java.util.Random(3).nextBytes(part);
    String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(part));
    for (boolean checksums : new boolean[] {true, false}) {
      String bucket = "pmd-" + UUID.randomUUID().toString().substring(0, 8);
      S3StorageDriver driver = S3StorageDriver.builder().bucket(bucket).endpoint(s.endpoint()).pathStyle(true)
          .region("us-east-1").credentials(s.accessKey(), Secret.of(s.secretKey())).multipartChecksums(checksums)
          .build();
      try (driver) {
        driver.unwrap(S3Client.class).orElseThrow().createBucket(c -> c.bucket(bucket));
        var upload = driver.startUpload("k", io.ysh.storage.WriteOptions.defaults());
        var uploaded = driver.uploadPart(upload, 1, part, part.length);
        assertThat(uploaded.md5()).as("multipart checksums %s", checksums).isEqualTo(checksums ? null : md5);
        driver.abortUpload(upload);
      }
    }
  }

  @Test
  void s3RefusesAMultipartUploadWhoseFullObjectCrc32cIsWrong() throws Exception {
    S3TestServers.Endpoint s = server();
    String bucket = "mpw-" + UUID.randomUUID().toString().substring(0, 8);
    S3StorageDriver driver = driver(s, bucket);
    try (driver) {
      driver.unwrap(S3Client.class).orElseThrow().createBucket(c -> c.bucket(bucket));
      var upload = driver.startUpload("k", io.ysh.storage.WriteOptions.defaults());
      var part = driver.uploadPart(upload, 1, new byte[] {1, 2, 3}, 3);
      io.ysh.storage.spi.UploadDigests wrong = new io.ysh.storage.spi.UploadDigests() {
        @Override
        public String md5Hex() {
          throw new IllegalStateException("not asked");
        }

        @Override
        public String crc32cHex() {
          return "00000000";
        }
      };
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> driver.completeUpload(upload, java.util.List.of(part), wrong));
      assertThat(t).isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
      assertThat(driver.unwrap(S3Client.class).orElseThrow().listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
      driver.abortUpload(upload);
    }
  }

  @Test
  void theCrc32cMetadataKeyIsReservedAndHidden() {
    assertThat(S3StorageDriver.crc32c(java.util.Map.of("ysh-crc32c", "c99465aa"))).isEqualTo("c99465aa");
    assertThat(S3StorageDriver.crc32c(java.util.Map.of("ysh-crc32c", "nonsense"))).isNull();
    assertThat(S3StorageDriver.crc32c(java.util.Map.of())).isNull();
    assertThat(S3StorageDriver.userMetadata(java.util.Map.of("ysh-crc32c", "c99465aa", "a", "b")))
        .containsExactly(java.util.Map.entry("a", "b"));
    S3TestServers.Endpoint s = server();
    String bucket = "res-" + UUID.randomUUID().toString().substring(0, 8);
    try (ObjectStorage storage = ObjectStorage.builder(driver(s, bucket)).build()) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      assertCode(ErrorCode.INVALID_ARGUMENT, () -> storage.put("k", new byte[] {1},
          io.ysh.storage.WriteOptions.builder().metadata("ysh-crc32c", "00000000").build()));
      assertThat(storage.exists("k")).isFalse();
    }
  }

  @Test
  void wrongCredentialsAreUnauthenticated() {
    S3TestServers.Endpoint s = server();
    S3StorageDriver driver = S3StorageDriver.builder().bucket("any-bucket").endpoint(s.endpoint()).pathStyle(true)
        .region("us-east-1").credentials(s.accessKey(), Secret.of("wrong-secret")).build();
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> storage.getBytes("k")); // a HEAD 403 has no body to tell the two apart
      assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(e.getMessage()).doesNotContain("wrong-secret");
      });
    }
  }

  @Test
  void missingBucketIsNotFound() {
    S3TestServers.Endpoint s = server();
    S3StorageDriver driver = driver(s, "no-such-bucket-here");
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes("k"));
    }
  }

  @Test
  void expiredSignedUrlIsRefusedByTheServer() throws Exception {
    S3TestServers.Endpoint s = server();
    String bucket = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    S3StorageDriver driver = driver(s, bucket);
    try (ObjectStorage storage = ObjectStorage.builder(driver).build()) {
      storage.unwrap(S3Client.class).createBucket(c -> c.bucket(bucket));
      storage.put("k", new byte[] {1});
      URI url = storage.signedUrl("k", SignedUrlMethod.GET, Duration.ofSeconds(1)).uri();
      Thread.sleep(2100); // the expiry is in whole seconds on the server's clock
      HttpResponse<String> r = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(403);
    }
  }
}
