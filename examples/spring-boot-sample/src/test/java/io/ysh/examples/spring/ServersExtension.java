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
 * Registered ahead of the {@code SpringExtension}, so its {@code afterAll} runs after Spring has
 * closed the application context ({@code @DirtiesContext}): the listener and the cache are gone
 * before their vhost and proxy are.
 */
final class ServersExtension implements BeforeAllCallback, AfterAllCallback {

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
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (servers == null) {
      return;
    }
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
