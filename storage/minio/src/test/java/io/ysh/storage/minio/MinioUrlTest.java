package io.ysh.storage.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.server.s3.S3TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MinioUrlTest {

  @Test
  void badUrlsAreInvalidArguments() {
    for (String url : new String[] {"minio://host:9000", "minio://host:9000/bucket", "minio://a:b@host:9000/Bad_Bucket",
        "minio://a:b@host:9000/bucket?colour=red", "minio://a:b@host:9000/x/y"}) {
      assertThatThrownBy(() -> ObjectStorage.open(url)).as(url).isInstanceOfSatisfying(YshException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }

  @Test
  void openByUrl() throws Exception {
    S3TestServers.Endpoint s = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "mu-" + UUID.randomUUID().toString().substring(0, 8);
    String url = "minio://" + s.accessKey() + ":" + s.secretKey() + "@127.0.0.1:" + s.endpoint().getPort() + "/"
        + bucket + "?secure=false";
    try (ObjectStorage storage = ObjectStorage.open(url)) {
      storage.unwrap(io.minio.MinioClient.class).makeBucket(io.minio.MakeBucketArgs.builder().bucket(bucket).build());
      storage.put("k", "v".getBytes(StandardCharsets.UTF_8));
      assertThat(storage.getBytes("k")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
    }
  }
}
