package io.ysh.spring.autoconfigure;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.util.Set;

/** A test store ({@code nolist-test://}) that reads one secret, {@code only}, and cannot list. */
public final class NoListSecretDriverProvider implements SecretDriverProvider {

  /** Creates the provider (ServiceLoader). */
  public NoListSecretDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("nolist-test");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    return new SecretDriver() {
      @Override
      public String provider() {
        return "nolist-test";
      }

      @Override
      public Set<SecretCapability> capabilities() {
        return Set.of();
      }

      @Override
      public SecretValue get(String name, String version) {
        if (!name.equals("only")) {
          throw YshException.of(ErrorCode.NOT_FOUND, "no secret " + name);
        }
        return SecretValue.of(name, Secret.of("s3cr3t-only"));
      }

      @Override
      public void close() {}
    };
  }
}
