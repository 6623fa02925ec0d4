package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The upload example on the file system (no signing) and on S3Proxy (multipart upload, signed URL that downloads the same bytes). */
class LargeUploadExampleTest {

  private static final List<Integer> EVERY_TEN_PERCENT = List.of(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

  @TempDir Path dir;

  @Test
  void fileSystemUploadsListsAndExplainsWhyItCannotSign() throws Exception {
    Path file = LargeUploadExample.randomFile(dir.resolve("big.bin"), 12L << 20);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectStorage storage = ObjectStorage.open(dir.resolve("objects").toUri().toString())) {
      LargeUploadExample.Result r = new LargeUploadExample(storage, QuickStartDemoTest.print(buffer)).run(file, "uploads/");

      assertThat(r.progressSteps()).isEqualTo(EVERY_TEN_PERCENT);
      assertThat(r.listed()).containsExactlyInAnyOrder("uploads/big.bin", "uploads/readme.txt", "uploads/thumbs/panel.png");
      assertThat(r.signedUrl()).isEmpty();
      assertThat(sha256(storage.get("uploads/big.bin"))).isEqualTo(sha256(Files.newInputStream(file)));
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("no signed URL: fs cannot sign (UNSUPPORTED)");
  }

  @Test
  void s3UploadsInPartsAndTheSignedUrlDownloadsTheSameBytes() throws Exception {
    S3TestServers.Endpoint s3 = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "ysh-upload-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build()) {
      client.createBucket(b -> b.bucket(bucket));
    }
    Path file = LargeUploadExample.randomFile(dir.resolve("big.bin"), 20L << 20);   // > 8 MiB: multipart
    String url = "s3://" + s3.accessKey() + ":" + s3.secretKey() + "@" + bucket + "?endpoint=" + s3.endpoint()
        + "&pathStyle=true&region=us-east-1";
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      LargeUploadExample.Result r = new LargeUploadExample(storage, QuickStartDemoTest.print(buffer)).run(file, "uploads/2026/");

      assertThat(r.progressSteps()).isEqualTo(EVERY_TEN_PERCENT);
      assertThat(r.listed()).contains("uploads/2026/big.bin", "uploads/2026/readme.txt");
      assertThat(r.signedUrl()).isPresent();
      HttpResponse<InputStream> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(r.signedUrl().get()).build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(sha256(response.body())).isEqualTo(sha256(Files.newInputStream(file)));
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("signed GET URL").doesNotContain(s3.secretKey());
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream d = new DigestInputStream(in, md)) {
      d.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
