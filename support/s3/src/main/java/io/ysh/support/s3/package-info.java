/**
 * Internal: the S3 protocol's rules, spoken alike by Amazon S3 and the servers that imitate it
 * (MinIO, Ceph, S3Proxy…), shared by the {@code s3} driver (AWS SDK) and the {@code minio} driver
 * (MinIO SDK). No SDK dependency. For YSH drivers only: no compatibility promise to applications.
 */
package io.ysh.support.s3;
