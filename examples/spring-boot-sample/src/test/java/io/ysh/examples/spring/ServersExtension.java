package io.ysh.examples.spring;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link TestServers} before the class (and so before Spring reads the
 * {@code @DynamicPropertySource}), and after it removes the run's Redis keys and stops the servers.
 * The secrets directory is the system property {@code SECRETS_DIR} while the class runs, not a
 * {@code @DynamicPropertySource}: {@code spring.config.import=ysh-secrets:} reads
 * {@code ysh.secrets.url} while Spring Boot prepares the environment, before the test context's
 * dynamic properties are added.
 * Registered ahead of the {@code SpringExtension}, so its {@code afterAll} runs after Spring has
 * closed the application context ({@code @DirtiesContext}): the listener and the cache are gone
 * before their vhost and proxy are.
 */
final class ServersExtension implements BeforeAllCallback, AfterAllCallback {

  private static final String SECRETS_DIR = "SECRETS_DIR";
  private static TestServers servers;

  static TestServers servers() {
    if (servers == null) {
      throw new IllegalStateException("ServersExtension has not started the servers");
    }
    return servers;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    servers = new TestServers();
    System.setProperty(SECRETS_DIR, servers.secrets.toAbsolutePath().toString());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (servers == null) {
      return;
    }
    System.clearProperty(SECRETS_DIR);
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        StatefulRedisConnection<String, String> c = client.connect()) {
      List<String> keys = c.sync().keys(servers.namespace + ":*");
      if (!keys.isEmpty()) {
        c.sync().del(keys.toArray(new String[0]));
      }
    } finally {
      servers.close();
      servers = null;
    }
  }
}
