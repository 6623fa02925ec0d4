package io.ysh.secrets.aws;

import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.conformance.SecretStoreConformance;
import io.ysh.secrets.spi.SecretDriver;

/**
 * The conformance suite against a real moto_server (AWS Secrets Manager API) opened by URL with
 * a page size of 2. The outage is the suite's simulated one (moto keeps its state in memory, so
 * it cannot be stopped and restarted mid-test without losing the secrets).
 */
class AwsConformanceTest extends SecretStoreConformance {

  @Override
  protected SecretDriver newDriver() {
    return new AwsSecretDriverProvider()
        .open(ResourceUrl.parse("awssm://us-east-1?endpoint=" + Moto.endpoint() + "&pageSize=2&forceDelete=true"));
  }

  @Override
  protected int pageSize() {
    return 2;
  }

  @Override
  protected int examples() {
    return 15;
  }
}
