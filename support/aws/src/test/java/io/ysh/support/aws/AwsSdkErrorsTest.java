package io.ysh.support.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsSdkErrorsTest {

  static AwsServiceException answer(int status, String code) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("message of " + code).build())
        .build();
  }

  private static YshException map(Throwable t) {
    return AwsSdkErrors.map("Test", t, AwsSdkErrors.ServiceCodes.NONE);
  }

  @Test
  void awsWideCodesWinOverTheStatus() {
    for (String code : List.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
        "InvalidClientTokenId", "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationToken")) {
      assertThat(map(answer(403, code)).code()).as(code).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(map(answer(400, code)).code()).as(code).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    assertThat(map(answer(403, "AccessDenied")).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(map(answer(400, "AccessDeniedException")).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    for (String code : List.of("SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "RequestThrottled")) {
      YshException e = map(answer(code.equals("SlowDown") ? 503 : 400, code));
      assertThat(e.code()).as(code).isEqualTo(ErrorCode.RATE_LIMITED);
      assertThat(e.isRetryable()).isTrue();
    }
    assertThat(map(answer(400, "RequestTimeout")).code()).isEqualTo(ErrorCode.TIMEOUT);
  }

  @Test
  void serviceCodesComeAfterAwsWideOnesAndBeforeTheStatus() {
    AwsSdkErrors.ServiceCodes mine = (e, code) -> code.equals("NoSuchThing") || code.equals("AccessDenied")
        ? ErrorCode.NOT_FOUND : null;
    assertThat(AwsSdkErrors.map("Test", answer(400, "NoSuchThing"), mine).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(AwsSdkErrors.map("Test", answer(403, "AccessDenied"), mine).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(AwsSdkErrors.map("Test", answer(400, "Other"), mine).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void unknownCodesFollowTheHttpRule() {
    qt().forAll(integers().between(100, 599), strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .assuming((status, code) -> status != 429 && !code.contains("Throttl") && !code.startsWith("Invalid")
            && !code.startsWith("Expired") && !code.startsWith("Access") && !code.startsWith("Request")
            && !code.startsWith("Signature") && !code.startsWith("Slow") && !code.startsWith("Missing")
            && !code.startsWith("Unrecognized") && !code.startsWith("Token") && !code.startsWith("Incomplete")
            && !code.startsWith("Auth") && !code.startsWith("Prior") && !code.startsWith("Transaction")
            && !code.startsWith("Provisioned") && !code.startsWith("TooMany") && !code.startsWith("Bandwidth")
            && !code.startsWith("EC2"))
        .checkAssert((status, code) -> {
          YshException e = map(answer(status, code));
          assertThat(e.code()).isEqualTo(Errors.forHttpStatus(status));
          assertThat(e.isRetryable()).isEqualTo(e.code().retryableByDefault());
          assertThat(e.detail()).contains("Test answered " + status);
        });
  }

  @Test
  void clientFailuresAreClassifiedByWhatHappened() {
    assertThat(map(ApiCallTimeoutException.create(1000)).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(map(ApiCallAttemptTimeoutException.create(1000)).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(map(AbortedException.create("aborted")).code()).isEqualTo(ErrorCode.CANCELLED);
    YshException creds = map(SdkClientException.create("Unable to load credentials from any of the providers"));
    assertThat(creds.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(creds.detail()).contains("profile=").contains("ACCESS_KEY:SECRET_KEY@");
    YshException refused = map(SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")));
    assertThat(refused.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(refused.isRetryable()).isTrue();
    assertThat(refused.getCause()).isInstanceOf(SdkClientException.class);
    assertThat(map(SdkClientException.create("x", new SocketTimeoutException("read"))).code()).isEqualTo(ErrorCode.TIMEOUT);
    YshException bare = map(SdkClientException.create("Unable to marshall request"));
    assertThat(bare.code()).isEqualTo(ErrorCode.UNKNOWN);
    assertThat(bare.isRetryable()).isFalse();
    assertThat(map(new IllegalStateException("bug")).code()).isEqualTo(ErrorCode.UNKNOWN);
  }
}
