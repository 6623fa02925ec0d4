/**
 * S3-protocol test servers: S3Proxy in its own JVM and moto when it is installed
 * ({@link io.ysh.testkit.server.s3.S3TestServers}).
 */
package io.ysh.testkit.server.s3;
