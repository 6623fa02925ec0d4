package io.ysh.storage.s3;

import io.ysh.storage.conformance.StorageConformance;
import io.ysh.testkit.server.s3.S3TestServers;

/**
 * Runs the storage conformance suite against moto_server, a second, independent implementation
 * of the S3 protocol. Skipped, with a message saying why, when moto_server is not installed.
 */
class MotoS3ConformanceTest extends StorageConformance {

  @Override
  protected Harness createHarness() {
    return new S3Harness(S3TestServers.moto(), true, false); // moto reports a wrong full-object CRC32C
  }
}
