/**
 * Internal: the AWS rules that the S3, SQS and Secrets Manager drivers share, written once. {@link
 * io.ysh.support.aws.AwsSdkErrors} maps AWS SDK for Java v2 failures to portable codes; {@link
 * io.ysh.support.aws.AwsClientConfig} reads a URL's region, endpoint and credentials and applies
 * them to any AWS client builder. For YSH drivers only: no compatibility promise to applications.
 */
package io.ysh.support.aws;
