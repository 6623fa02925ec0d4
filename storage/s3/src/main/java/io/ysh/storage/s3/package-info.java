/**
 * The S3 storage driver ({@code s3://bucket?region=sa-east-1}) on the AWS SDK for Java v2, for
 * Amazon S3 and S3-compatible servers ({@code endpoint=…&pathStyle=true}).
 */
package io.ysh.storage.s3;
