package io.ysh.testkit.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers that are running, and the one JVM shutdown hook that stops those still running
 * when the JVM exits (newest first).
 */
final class ServerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);

  private static final Set<ManagedServer> LIVE = new LinkedHashSet<>();
  private static boolean hookInstalled;
  private static boolean shuttingDown;

  private ServerRegistry() {}

  /**
   * Records a running server.
   *
   * @return {@code false} if the JVM is already shutting down (the caller must stop the server)
   */
  static synchronized boolean register(ManagedServer server) {
    if (shuttingDown) {
      return false;
    }
    if (!hookInstalled) {
      Thread hook = new Thread(ServerRegistry::stopAll, "ysh-server-shutdown");
      try {
        Runtime.getRuntime().addShutdownHook(hook);
      } catch (IllegalStateException e) {
        shuttingDown = true;
        return false;
      }
      hookInstalled = true;
    }
    LIVE.add(server);
    return true;
  }

  static synchronized void unregister(ManagedServer server) {
    LIVE.remove(server);
  }

  private static void stopAll() {
    List<ManagedServer> servers;
    synchronized (ServerRegistry.class) {
      shuttingDown = true;
      servers = new ArrayList<>(LIVE);
    }
    Collections.reverse(servers);
    for (ManagedServer server : servers) {
      try {
        server.close();
      } catch (RuntimeException | Error e) {
        LOG.warn("Could not stop server '{}' at JVM exit", server.name(), e);
      }
    }
  }
}
