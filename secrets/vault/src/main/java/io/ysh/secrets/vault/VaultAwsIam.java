package io.ysh.secrets.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The request of Vault's AWS auth method, {@code iam} type: an {@code sts:GetCallerIdentity}
 * request signed (SigV4) with the caller's AWS credentials but not sent; Vault sends it to STS to
 * learn who signed it. Only loaded when AWS auth is configured, since {@code software.amazon.awssdk:auth}
 * is an optional dependency.
 */
final class VaultAwsIam {

  static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";
  static final String SERVER_ID_HEADER = "X-Vault-AWS-IAM-Server-ID";
  static final String SDK_CLASS = "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner";
  static final String SDK_ARTIFACT = "software.amazon.awssdk:auth";

  /** The four login fields, base64 as Vault's API takes them. */
  record Login(String url, String body, String headers) {}

  private final Object credentials; // AwsCredentialsProvider, or null for the default chain
  private final String region;
  private final String serverId;
  private final Clock clock;

  VaultAwsIam(Object credentials, String region, String serverId, Clock clock) {
    this.credentials = credentials;
    this.region = region;
    this.serverId = serverId;
    this.clock = clock;
  }

  /**
   * Fails with a message naming the artifact when the AWS SDK's auth module is not on the class path.
   *
   * @param className the class to look for ({@link #SDK_CLASS}; another for tests)
   */
  static void requireSdk(String className) {
    try {
      Class.forName(className, false, VaultAwsIam.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("Vault AWS auth signs with the AWS SDK: add " + SDK_ARTIFACT + " (managed by ysh-bom) to the class path")
          .build();
    }
  }

  /** STS's global endpoint, or the region's when one is set (then Vault's sts_endpoint must match). */
  URI endpoint() {
    return region == null ? URI.create("https://sts.amazonaws.com/") : URI.create("https://sts." + region + ".amazonaws.com/");
  }

  /** Signs a fresh request (its date is now): credentials are resolved at each login. */
  Login sign() {
    AwsCredentialsProvider provider = credentials == null ? DefaultCredentialsProvider.builder().build() : (AwsCredentialsProvider) credentials;
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint())
        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    if (serverId != null) {
      request.putHeader(SERVER_ID_HEADER, serverId);
    }
    SignedRequest signed;
    try {
      signed = AwsV4HttpSigner.create().sign(r -> r.identity(provider.resolveCredentials()).request(request.build())
          .payload(ContentStreamProvider.fromUtf8String(BODY))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
          .putProperty(AwsV4HttpSigner.REGION_NAME, region == null ? "us-east-1" : region)
          .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    } catch (RuntimeException e) {
      throw YshException.builder(ErrorCode.UNAUTHENTICATED)
          .detail("Vault AWS auth: no AWS credentials to sign sts:GetCallerIdentity with (" + e.getClass().getSimpleName() + ")")
          .build();
    }
    ObjectNode headers = Json.mapper().createObjectNode();
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      com.fasterxml.jackson.databind.node.ArrayNode values = headers.putArray(h.getKey());
      h.getValue().forEach(values::add);
    }
    return new Login(base64(endpoint().toString()), base64(BODY), base64(headers.toString()));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
