package io.ysh.storage.s3;

import io.ysh.storage.conformance.StorageConformance;
import io.ysh.testkit.server.s3.S3TestServers;
import java.nio.file.Path;

/**
 * Runs the storage conformance suite against S3Proxy 4.1 (in-memory {@code transient} backend),
 * started as its own JVM from {@code target/s3proxy} (copied there by maven-dependency-plugin).
 */
class S3ConformanceTest extends StorageConformance {

  @Override
  protected Harness createHarness() {
    return new S3Harness(S3TestServers.s3proxy(Path.of("target", "s3proxy")), true);
  }
}
