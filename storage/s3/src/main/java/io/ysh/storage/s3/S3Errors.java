package io.ysh.storage.s3;

import io.ysh.core.YshException;
import io.ysh.support.aws.AwsSdkErrors;
import io.ysh.support.s3.S3ProtocolErrors;

/**
 * Maps AWS SDK exceptions of S3 calls: the AWS-wide rules ({@link AwsSdkErrors}), then the S3
 * protocol's error codes and statuses ({@link S3ProtocolErrors}), which the MinIO driver shares.
 */
final class S3Errors {

  private S3Errors() {}

  static YshException map(Throwable t) {
    return AwsSdkErrors.map("S3", t, (e, code) -> S3ProtocolErrors.classify(e.statusCode(), code));
  }
}
