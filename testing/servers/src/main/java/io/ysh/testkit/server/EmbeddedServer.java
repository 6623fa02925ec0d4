package io.ysh.testkit.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running inside the test JVM (WireMock, an in-process gRPC server, an
 * {@code HttpServer}) under the same lifecycle as a {@link ServerProcess}: started with a
 * readiness wait and a timeout, registered for stopping at JVM exit, closed idempotently.
 *
 * <pre>{@code
 * int port = FreePorts.next();
 * try (EmbeddedServer<AutoCloseable> stub = EmbeddedServer.start("vault-stub",
 *     () -> {
 *       HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
 *       http.start();
 *       return () -> http.stop(0);
 *     },
 *     ReadinessProbe.tcp(port), Duration.ofSeconds(10))) {
 *   // use it
 * }
 * }</pre>
 *
 * <p>The object the starter returns is what {@link #close()} closes; {@link #server()} hands it
 * back to the test.
 *
 * @param <T> the type of the object that represents the running server
 */
public final class EmbeddedServer<T extends AutoCloseable> implements ManagedServer {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final T server;
  private volatile boolean closed;

  private EmbeddedServer(String name, T server) {
    this.name = name;
    this.server = server;
  }

  /**
   * Starts the server that {@code starter} creates, then waits until {@code readiness} says it
   * is ready. Log-line probes cannot be used: an in-JVM server has no output of its own.
   *
   * @param <T> the type of the object that represents the running server
   * @param name a short name for the server, used in messages
   * @param starter creates and starts the server, returning what stops it
   * @param readiness how to tell that it is ready
   * @param startupTimeout how long to wait for readiness before closing it again
   * @return the running, ready server; close it when done
   * @throws ServerStartException if the starter threw, or the server was not ready in time (it is
   *     then closed), or the thread was interrupted
   * @throws IllegalArgumentException if the name is blank or the timeout not positive
   */
  public static <T extends AutoCloseable> EmbeddedServer<T> start(
      String name, Starter<T> starter, ReadinessProbe readiness, Duration startupTimeout) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(starter, "starter");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a server needs a non-blank name");
    }
    if (startupTimeout.isZero() || startupTimeout.isNegative()) {
      throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
    }
    long started = System.nanoTime();
    T created;
    try {
      created = Objects.requireNonNull(starter.start(), "the starter returned null");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw failure(name, "failed to start: " + Readiness.describeError(e), readiness, null, e);
    }
    EmbeddedServer<T> embedded = new EmbeddedServer<>(name, created);
    if (!ServerRegistry.register(embedded)) {
      embedded.closeQuietly();
      throw failure(name, "was not started: the JVM is shutting down", readiness, null, null);
    }
    ReadinessProbe.Context context =
        new ReadinessProbe.Context() {
          @Override
          public String serverName() {
            return name;
          }

          @Override
          public boolean anyOutputLineMatches(Pattern pattern) {
            throw new UnsupportedOperationException(
                "an embedded server has no output to match log lines against; use a tcp, http"
                    + " or custom probe");
          }
        };
    Readiness.Outcome outcome;
    try {
      outcome = Readiness.await(readiness, context, startupTimeout, () -> true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      embedded.closeQuietly();
      throw failure(name, "was interrupted while waiting for it to be ready; it was closed",
          readiness, null, e);
    }
    switch (outcome.status()) {
      case READY:
        LOG.info("Started embedded server '{}' in {}", name,
            Readiness.seconds(Duration.ofNanos(System.nanoTime() - started)));
        return embedded;
      case PROBE_UNSUPPORTED:
        embedded.closeQuietly();
        throw failure(name, "cannot be probed: " + outcome.lastProbeError().getMessage(),
            readiness, null, outcome.lastProbeError());
      default:
        embedded.closeQuietly();
        throw failure(name, "was not ready within " + Readiness.seconds(startupTimeout)
            + "; it was closed", readiness, outcome.lastProbeError(), null);
    }
  }

  /**
   * Starts the server that {@code starter} creates and considers it ready as soon as the
   * starter returns (waiting at most 60 seconds for nothing).
   *
   * @param <T> the type of the object that represents the running server
   * @param name a short name for the server, used in messages
   * @param starter creates and starts the server, returning what stops it
   * @return the running server; close it when done
   * @throws ServerStartException if the starter threw
   * @throws IllegalArgumentException if the name is blank
   */
  public static <T extends AutoCloseable> EmbeddedServer<T> start(String name, Starter<T> starter) {
    return start(name, starter, ReadinessProbe.immediately(), DEFAULT_STARTUP_TIMEOUT);
  }

  private static ServerStartException failure(
      String name, String what, ReadinessProbe readiness, Throwable lastProbeError, Throwable cause) {
    StringBuilder message = new StringBuilder("Embedded server '").append(name).append("' ")
        .append(what).append('.')
        .append("\n  waited for: ").append(Probes.describe(readiness));
    if (lastProbeError != null) {
      message.append("\n  last probe error: ").append(Readiness.describeError(lastProbeError));
    }
    return new ServerStartException(message.toString(), name, null, List.of(), null, cause);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The object the starter returned, for example to ask the server for its port.
   *
   * @return the running server's object
   */
  public T server() {
    return server;
  }

  /**
   * Whether the server has not been closed yet (an in-JVM server cannot exit on its own).
   *
   * @return {@code true} until {@link #close()} is called
   */
  @Override
  public boolean isAlive() {
    return !closed;
  }

  /**
   * Closes the object the starter returned. Calling it again does nothing.
   *
   * @throws IllegalStateException if closing the server failed (it is considered closed anyway)
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ServerRegistry.unregister(this);
    try {
      server.close();
      LOG.info("Stopped embedded server '{}'", name);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("could not stop embedded server '" + name + "'", e);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.warn("Could not close embedded server '{}' after a failed start", name, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedServer[" + name + (closed ? ", closed" : ", running") + "]";
  }

  /**
   * Creates and starts an in-JVM server.
   *
   * @param <T> the type of the object that represents the running server
   */
  @FunctionalInterface
  public interface Starter<T extends AutoCloseable> {

    /**
     * Creates and starts the server.
     *
     * @return what stops the server when closed
     * @throws Exception if the server could not be started
     */
    T start() throws Exception;
  }
}
