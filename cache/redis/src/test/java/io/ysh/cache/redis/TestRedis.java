package io.ysh.cache.redis;

import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.SharedServers;
import io.ysh.testkit.server.redis.RedisNodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * The Redis the tests share: the one already running on 127.0.0.1:6379 when there is one
 * (tests isolate their keys with random namespaces and never flush it), otherwise a
 * {@code redis-server} started once per JVM on a free port.
 */
final class TestRedis {

  private static final String NAME = "redis-cache-tests-";

  private TestRedis() {}

  static int port() {
    if (listening(6379)) {
      return 6379;
    }
    ManagedServer server =
        SharedServers.getOrStart(
            "ysh-cache-redis-standalone",
            () -> {
              int port = FreePorts.next();
              return RedisNodes.start(NAME + port, port, RedisNodes.tempDir("standalone"), List.of());
            });
    return Integer.parseInt(server.name().substring(NAME.length()));
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
