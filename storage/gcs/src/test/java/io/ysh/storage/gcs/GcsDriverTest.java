package io.ysh.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.FakeStorageAccess;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.StorageKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GCS-specific behaviour: URL and builder validation, error mapping, the etag-as-generation
 * preconditions, V4 signed URLs (structure and signature, verified offline), and the parts of the
 * conformance tests that {@code LocalStorageHelper} can serve (see {@link FakeStorageLimits}).
 */
class GcsDriverTest {

  private static final KeyPair KEYS = GcsTestSupport.rsaKeyPair();
  private final FakeStorageAccess fake = new FakeStorageAccess();
  private ObjectStorage storage;

  @BeforeEach
  void open() {
    GcsStorageDriver driver = GcsStorageDriver.builder().bucket("ysh-driver-test")
        .storageOptions(fake.options()).credentials(GcsTestSupport.credentials(KEYS))
        .chunkSize(256 * 1024).build();
    storage = ObjectStorage.builder(driver).telemetry(Telemetry.noop()).resilience(ResiliencePolicy.none()).build();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  // ------------------------------------------------------------ URL and builder

  @Test
  void urlOpensTheGsSchemeWithoutNetworkCalls() {
    try (ObjectStorage s = ObjectStorage.open("gs://my-bucket?anonymous=true&project=p&endpoint=http://127.0.0.1:9"
        + "&timeout=5s&chunkSize=524288")) {
      assertThat(s.provider()).isEqualTo("gcs");
      assertThat(s.capabilities()).contains(StorageCapability.SERVER_SIDE_COPY, StorageCapability.IF_NONE_MATCH,
          StorageCapability.IF_MATCH, StorageCapability.RANGE_READ, StorageCapability.BATCH_DELETE);
      assertThat(s.supports(StorageCapability.SIGNED_URL)).as("anonymous clients cannot sign").isFalse();
      assertThat(s.unwrap(Storage.class).getOptions().getHost()).isEqualTo("http://127.0.0.1:9");
      assertCode(ErrorCode.UNSUPPORTED, () -> s.signedUrl("k", SignedUrlMethod.GET, Duration.ofMinutes(1)));
    }
    assertThat(ObjectStorage.availableSchemes()).contains("gs");
  }

  @Test
  void badUrlsAreInvalidArguments(@TempDir Path dir) throws IOException {
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://b?anonymous=true&region=x"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://bucket/some/path?anonymous=true"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://user:pw@bucket?anonymous=true"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://bucket?anonymous=true&chunkSize=1000"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://bucket?anonymous=true&endpoint=ftp://x"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://Bad_Bucket!?anonymous=true"));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://ab?anonymous=true"));
    assertCode(ErrorCode.INVALID_ARGUMENT,
        () -> ObjectStorage.open("gs://bucket?anonymous=true&credentialsFile=" + dir.resolve("key.json")));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://bucket?credentialsFile=" + dir.resolve("none.json")));
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"private_key\": \"TOP-SECRET-VALUE\"");
    Throwable t = catchCode(ErrorCode.INVALID_ARGUMENT, () -> ObjectStorage.open("gs://bucket?credentialsFile=" + garbage));
    assertThat(t.getMessage()).doesNotContain("TOP-SECRET-VALUE");
    assertCode(ErrorCode.INVALID_ARGUMENT,
        () -> GcsStorageDriver.builder().bucket("bucket").credentials(Secret.of("not json")).build());
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> GcsStorageDriver.builder().noCredentials().build());
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> GcsStorageDriver.builder().readTimeout(Duration.ZERO));
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> GcsStorageDriver.builder().bucket("bucket")
        .storageOptions(com.google.cloud.storage.StorageOptions.grpc().setProjectId("p").build()).build());
  }

  @Test
  void missingCredentialsAreUnauthenticatedBeforeAnyRequest() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null
        && !Files.exists(Path.of(System.getProperty("user.home"), ".config/gcloud/application_default_credentials.json")),
        "this machine has Application Default Credentials");
    Throwable t = catchCode(ErrorCode.UNAUTHENTICATED, () -> ObjectStorage.open("gs://bucket?project=p"));
    assertThat(t).hasMessageContaining("credentialsFile").hasMessageContaining("anonymous=true");
  }

  @Test
  void signedUrlsNameTheEndpointWhenOneIsSet() {
    GcsStorageDriver driver = GcsStorageDriver.builder().bucket("ysh-driver-test").storageOptions(fake.options())
        .credentials(GcsTestSupport.credentials(KEYS)).endpoint("http://127.0.0.1:4443/").build();
    try (ObjectStorage s = ObjectStorage.builder(driver).build()) {
      URI url = s.signedUrl("a b", SignedUrlMethod.GET, Duration.ofMinutes(1)).uri();
      assertThat(url.toString()).startsWith("http://127.0.0.1:4443/ysh-driver-test/a%20b?");
      assertThat(query(url)).containsKey("X-Goog-Signature");
    }
  }

  @Test
  void bucketNamesFollowGcsRules() {
    assertThat(GcsStorageDriver.Builder.validBucket("invoices-2026")).isTrue();
    assertThat(GcsStorageDriver.Builder.validBucket("my_bucket.example.com")).isTrue();
    assertThat(GcsStorageDriver.Builder.validBucket("Invoices")).isFalse();
    assertThat(GcsStorageDriver.Builder.validBucket("-x-")).isFalse();
    assertThat(GcsStorageDriver.Builder.validBucket("google-like")).as("the goog prefix is reserved").isFalse();
    assertThat(GcsStorageDriver.Builder.validBucket("goog-reserved")).isFalse();
    assertThat(GcsStorageDriver.Builder.validBucket("a".repeat(64))).isFalse();
  }

  // ------------------------------------------------------------ errors

  @Test
  void serviceErrorsMapToPortableCodes() {
    Map<Integer, ErrorCode> expected = new LinkedHashMap<>();
    expected.put(400, ErrorCode.INVALID_ARGUMENT);
    expected.put(401, ErrorCode.UNAUTHENTICATED);
    expected.put(403, ErrorCode.PERMISSION_DENIED);
    expected.put(404, ErrorCode.NOT_FOUND);
    expected.put(412, ErrorCode.PRECONDITION_FAILED);
    expected.put(429, ErrorCode.RATE_LIMITED);
    expected.put(500, ErrorCode.UNAVAILABLE);
    expected.put(503, ErrorCode.UNAVAILABLE);
    expected.forEach((status, code) -> {
      YshException e = GcsErrors.map(new StorageException(status, "status " + status));
      assertThat(e.code()).as("HTTP %d", status).isEqualTo(code);
      assertThat(e.getCause()).isInstanceOf(StorageException.class);
    });
    assertThat(GcsErrors.map(new StorageException(503, "down")).isRetryable()).isTrue();
    assertThat(GcsErrors.map(new StorageException(429, "slow down")).isRetryable()).isTrue();
    assertThat(GcsErrors.map(new StorageException(412, "conditionNotMet")).isRetryable()).isFalse();
    assertThat(GcsErrors.map(new StorageException(new java.net.ConnectException("refused"))).code())
        .isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(GcsErrors.map(new IOException("reset")).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(GcsErrors.map(new StorageException(new FileAlreadyExistsException("k"))).code())
        .isEqualTo(ErrorCode.PRECONDITION_FAILED);
  }

  @Test
  void aMissingObjectIsNotFoundForStatReadAndCopy() {
    assertCode(ErrorCode.NOT_FOUND, () -> storage.stat("none"));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.getBytes("none"));
    assertCode(ErrorCode.NOT_FOUND, () -> storage.copy("none", "other"));
  }

  // ------------------------------------------------------------ preconditions

  @Test
  void theEtagIsTheGenerationAndIfMatchWritesThatGeneration() {
    WriteResult v1 = storage.put("cas", "v1".getBytes(StandardCharsets.UTF_8));
    assertThat(v1.etag()).matches("[1-9][0-9]*");
    assertThat(storage.stat("cas").etag()).isEqualTo(v1.etag());
    long generation = storage.unwrap(Storage.class).get("ysh-driver-test", "cas").getGeneration();
    assertThat(v1.etag()).isEqualTo(Long.toString(generation));
    WriteResult v2 = storage.put("cas", "v2".getBytes(StandardCharsets.UTF_8),
        WriteOptions.builder().ifMatch(v1.etag()).build());
    assertThat(new String(storage.getBytes("cas"), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(storage.stat("cas").etag()).isEqualTo(v2.etag());
  }

  @Test
  void anEtagThatIsNoGenerationFailsThePreconditionAndWritesNothing() {
    storage.put("cas", "v1".getBytes(StandardCharsets.UTF_8));
    for (String etag : List.of("abc", "\"d41d8cd98f00b204e9800998ecf8427e\"", "0", "-5")) {
      assertCode(ErrorCode.PRECONDITION_FAILED, () -> storage.put("cas", "v2".getBytes(StandardCharsets.UTF_8),
          WriteOptions.builder().ifMatch(etag).build()));
    }
    assertThat(new String(storage.getBytes("cas"), StandardCharsets.UTF_8)).isEqualTo("v1");
  }

  @Test
  void createOnlyFailsOnAnExistingObjectForSmallAndLargeWrites() {
    storage.put("once", new byte[] {1});
    WriteOptions createOnly = WriteOptions.builder().ifNoneMatchAny().build();
    assertCode(ErrorCode.PRECONDITION_FAILED, () -> storage.put("once", new byte[] {2}, createOnly));
    assertThat(storage.getBytes("once")).containsExactly(1);
  }

  // ------------------------------------------------------------ integrity

  @Test
  void corruptedPlainAndCompositeObjectsFailTheCrc32cCheck() {
    byte[] data = "some bytes that GCS stored".getBytes(StandardCharsets.UTF_8);
    storage.put("plain", data);
    storage.put("composite", data);
    assertThat(fake.corrupt("ysh-driver-test", "plain", false)).isTrue();
    assertThat(fake.corrupt("ysh-driver-test", "composite", true)).isTrue();
    assertThat(storage.stat("plain").md5Hex()).isPresent();
    assertThat(storage.stat("composite").md5Hex()).isEmpty();
    for (String key : List.of("plain", "composite")) {
      Throwable t = catchCode(ErrorCode.INTERNAL, () -> storage.getBytes(key));
      // GCS reports the CRC32C of every object: the portable layer verifies it, cheaper than the MD5
      assertThat(t).hasMessageContaining("checksum mismatch").hasMessageContaining("CRC32C");
    }
    // ranges cannot be checked against a whole-object checksum: they are served as stored
    assertThat(storage.getBytes("composite", io.ysh.storage.ByteRange.of(1, 4))).isEqualTo(Arrays.copyOfRange(data, 1, 5));
  }

  // ------------------------------------------------------------ keys, listing

  @Test
  void awkwardKeysTheFakeCanAddressRoundTripAndListSorted() {
    List<String> keys = new ArrayList<>();
    for (String k : List.of("with space", "amp&er=sand", "quote'\"s", "acentuação/çãé",
        "日本語/キー", "emoji 🚀☀️", "tilde~and!bang", "paren(1)[2]{3}", "semi;colon:c", "a/b/c/d/e/f", "comma,star*",
        "at@dollar$", "pipe|caret^`back`", "<angle>")) {
      keys.add("awk/" + k);
      storage.put("awk/" + k, k.getBytes(StandardCharsets.UTF_8));
    }
    for (String k : keys) {
      assertThat(new String(storage.getBytes(k), StandardCharsets.UTF_8)).isEqualTo(k.substring(4));
      assertThat(storage.stat(k).key()).isEqualTo(k);
    }
    List<String> listed = storage.list("awk/").map(ListEntry::key).collect(Collectors.toList());
    assertThat(listed).containsExactlyInAnyOrderElementsOf(keys).isSortedAccordingTo(StorageKeys.UTF8_ORDER);
  }

  @Test
  void batchesHoldAtMostOneHundredKeys() throws Exception {
    GcsStorageDriver driver = storage.unwrap(GcsStorageDriver.class);
    assertThat(driver.maxBatchSize()).isEqualTo(100);
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add("k" + i);
    }
    assertThatThrownBy(() -> driver.deleteBatch(tooMany)).isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------ signed URLs

  @Test
  void signedGetUrlIsAVerifiableV4Signature() throws Exception {
    String key = "signed é+%.txt";
    URI url = storage.signedUrl(key, SignedUrlMethod.GET, Duration.ofMinutes(5)).uri();
    assertThat(url.getScheme()).isEqualTo("https");
    assertThat(url.getHost()).isEqualTo("storage.googleapis.com");
    assertThat(url.getRawPath()).isEqualTo("/ysh-driver-test/signed%20%C3%A9%2B%25.txt");
    assertThat(url.getPath()).isEqualTo("/ysh-driver-test/" + key);
    Map<String, String> q = query(url);
    assertThat(q).containsEntry("X-Goog-Algorithm", "GOOG4-RSA-SHA256").containsEntry("X-Goog-Expires", "300")
        .containsEntry("X-Goog-SignedHeaders", "host");
    assertThat(q.get("X-Goog-Credential")).startsWith(GcsTestSupport.CLIENT_EMAIL + "/")
        .endsWith("/auto/storage/goog4_request");
    assertThat(q.get("X-Goog-Date")).matches("\\d{8}T\\d{6}Z");
    assertThat(q.get("X-Goog-Signature")).matches("[0-9a-f]{512}");
    assertThat(verifies(url, "GET", "host:storage.googleapis.com\n")).as("signature checks with the public key").isTrue();
    assertThat(verifies(url, "PUT", "host:storage.googleapis.com\n")).as("bound to the method").isFalse();
  }

  @Test
  void signedPutUrlSignsTheContentType() throws Exception {
    URI url = storage.signedUrl("up.csv", SignedUrlMethod.PUT, Duration.ofHours(1), "text/csv").uri();
    Map<String, String> q = query(url);
    assertThat(q).containsEntry("X-Goog-Expires", "3600").containsEntry("X-Goog-SignedHeaders", "content-type;host");
    assertThat(verifies(url, "PUT", "content-type:text/csv\nhost:storage.googleapis.com\n")).isTrue();
    assertThat(verifies(url, "PUT", "content-type:text/plain\nhost:storage.googleapis.com\n")).isFalse();
    assertThat(storage.signedUrl("up.csv", SignedUrlMethod.PUT, Duration.ofHours(1), "text/csv").requiredHeaders())
        .as("the uploader is told to send the signed content type").containsExactly(Map.entry("Content-Type", "text/csv"));
  }

  /** Recomputes the V4 string to sign (GCS's documented algorithm) and checks the RSA signature. */
  private boolean verifies(URI url, String method, String canonicalHeaders) throws Exception {
    Map<String, String> q = query(url);
    String canonicalQuery = Arrays.stream(url.getRawQuery().split("&"))
        .filter(p -> !p.startsWith("X-Goog-Signature=")).sorted().collect(Collectors.joining("&"));
    String canonicalRequest = String.join("\n", method, url.getRawPath(), canonicalQuery, canonicalHeaders,
        q.get("X-Goog-SignedHeaders"), "UNSIGNED-PAYLOAD");
    String credential = q.get("X-Goog-Credential");
    String scope = credential.substring(credential.indexOf('/') + 1);
    String stringToSign = String.join("\n", "GOOG4-RSA-SHA256", q.get("X-Goog-Date"), scope,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(KEYS.getPublic());
    rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
    return rsa.verify(HexFormat.of().parseHex(q.get("X-Goog-Signature")));
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String p : url.getRawQuery().split("&")) {
      int eq = p.indexOf('=');
      q.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private static void assertCode(ErrorCode code, ThrowingCallable call) {
    catchCode(code, call);
  }

  private static Throwable catchCode(ErrorCode code, ThrowingCallable call) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
      caught[0] = e;
    });
    return caught[0];
  }
}
