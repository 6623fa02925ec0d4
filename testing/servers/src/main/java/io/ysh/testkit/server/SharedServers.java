package io.ysh.testkit.server;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * Servers started once per JVM and shared by every test class that asks for them, then stopped
 * when the JVM exits. Starting Kafka or S3Proxy once instead of once per test class keeps a
 * test run fast.
 *
 * <pre>{@code
 * class S3ConformanceTest extends StorageConformance {
 *   static ServerProcess s3proxy() {
 *     return SharedServers.getOrStart("s3proxy", () -> ServerProcess.builder("s3proxy")...start());
 *   }
 * }
 * }</pre>
 *
 * <p>Rules: use one key for one kind of server and one type; do <em>not</em> close a shared
 * server (the JVM exit does); leave tests free to run in any order, since the first caller
 * starts the server and later callers get it. If a shared server died, the next call starts it
 * again. If starting it failed, that failure is remembered and every later call for the key
 * fails at once with the same reason (a test skipped for a missing program stays skipped)
 * rather than waiting for the same timeout again.
 */
public final class SharedServers {

  private static final ConcurrentMap<String, Slot> SLOTS = new ConcurrentHashMap<>();

  private SharedServers() {}

  /**
   * The server shared under {@code key}, started by {@code starter} if this is the first call for
   * the key (or the server died). Concurrent callers for the same key wait for one start.
   *
   * @param <T> the server's type; every call for one key must use the same type
   * @param key names the shared server, such as {@code "kafka"}
   * @param starter starts the server and returns it when ready
   * @return the running server; do not close it
   * @throws RuntimeException what {@code starter} threw, now or on the first attempt for this key
   *     (a {@link ServerStartException}, or a {@link TestAbortedException} to skip the test)
   * @throws ClassCastException if an earlier call for this key started another type of server
   */
  public static <T extends ManagedServer> T getOrStart(String key, Supplier<T> starter) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(starter, "starter");
    Slot slot = SLOTS.computeIfAbsent(key, k -> new Slot());
    synchronized (slot) {
      if (slot.failure != null) {
        throw rememberedFailure(key, slot.failure);
      }
      if (slot.server != null && slot.server.isAlive()) {
        return cast(slot.server);
      }
      if (slot.server != null) {
        slot.server.close();
        slot.server = null;
      }
      T server;
      try {
        server = Objects.requireNonNull(starter.get(), "the starter of shared server '" + key + "' returned null");
      } catch (RuntimeException e) {
        slot.failure = e;
        throw e;
      }
      if (!ServerRegistry.register(server)) {
        server.close();
        throw new IllegalStateException("shared server '" + key + "' was not kept: the JVM is shutting down");
      }
      slot.server = server;
      return server;
    }
  }

  /**
   * Stops the server shared under {@code key}, if any, and forgets it (and any remembered
   * failure), so the next {@link #getOrStart} starts a fresh one.
   *
   * @param key names the shared server
   */
  public static void stop(String key) {
    Slot slot = SLOTS.get(Objects.requireNonNull(key, "key"));
    if (slot == null) {
      return;
    }
    synchronized (slot) {
      if (slot.server != null) {
        slot.server.close();
        slot.server = null;
      }
      slot.failure = null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends ManagedServer> T cast(ManagedServer server) {
    return (T) server;
  }

  private static RuntimeException rememberedFailure(String key, RuntimeException first) {
    String message = "Shared server '" + key + "' failed to start earlier in this JVM: " + first.getMessage();
    if (first instanceof TestAbortedException) {
      return new TestAbortedException(message, first);
    }
    if (first instanceof ServerStartException) {
      ServerStartException start = (ServerStartException) first;
      return new ServerStartException(
          message,
          start.serverName(),
          start.exitCode().isPresent() ? start.exitCode().getAsInt() : null,
          start.logTail(),
          start.logFile().orElse(null),
          first);
    }
    return new IllegalStateException(message, first);
  }

  /** One key's server or first failure; its monitor serializes starts for the key. */
  private static final class Slot {
    private ManagedServer server;
    private RuntimeException failure;
  }
}
