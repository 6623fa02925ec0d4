package io.ysh.storage.minio;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.support.s3.S3ProtocolErrors;

/**
 * Maps MinIO SDK exceptions: an S3 error answer by the S3 protocol's table ({@link
 * S3ProtocolErrors}, shared with the S3 driver); an unreadable answer is {@code UNAVAILABLE};
 * transport failures by {@link Errors#classify(Throwable)}. A {@code Retry-After} header becomes
 * the exception's {@link YshException#retryAfter()}.
 */
final class MinioErrors {

  private MinioErrors() {}

  static YshException map(Throwable failure) {
    Throwable t = Errors.unwrap(failure);
    if (t instanceof ErrorResponseException e) {
      String code = e.errorResponse() == null || e.errorResponse().code() == null ? "" : e.errorResponse().code();
      int status = e.response() == null ? 0 : e.response().code();
      YshException.Builder b = YshException.builder(S3ProtocolErrors.classify(status, code))
          .detail("the server answered " + status + " " + code
              + (e.errorResponse() != null && e.errorResponse().message() != null ? ": " + e.errorResponse().message() : ""))
          .cause(t);
      if (e.response() != null) {
        // a throttled or unavailable server may say how long to wait; the retry then waits that long
        Errors.retryAfter(e.response().header("Retry-After")).ifPresent(b::retryAfter);
      }
      return b.build();
    }
    if (t instanceof InvalidResponseException || t instanceof ServerException) {
      return YshException.builder(ErrorCode.UNAVAILABLE).detail("the server gave an invalid response").cause(t).build();
    }
    return Errors.classify(t);
  }
}
