package io.ysh.testkit.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's {@code com.sun.net.httpserver.HttpServer} bound to 127.0.0.1, serving one handler for
 * every path on a pool of daemon threads (one per concurrent exchange, so a handler that sleeps
 * to simulate latency never holds up another request). Daemon threads let a {@code main} that
 * forgot to close it exit.
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.start("my-simulator", 0, exchange ->
 *     Exchanges.send(exchange, 200, Map.of("Content-Type", "text/plain"), "ok".getBytes(UTF_8)))) {
 *   URI base = URI.create(server.baseUrl());
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops accepting, interrupts the handlers still running and
 * waits a few seconds for them to end.
 */
public final class SimulatorServer implements AutoCloseable {

  static {
    // The JDK server leaves Nagle's algorithm on unless told otherwise, and each small answer
    // then waits ~40 ms for the client's delayed ACK. Only effective if no JDK HttpServer was
    // created in this JVM before; set -Dsun.net.httpserver.nodelay=true yourself to be sure.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final int BACKLOG = 128;

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;

  private SimulatorServer(String name, HttpServer server, ExecutorService executor) {
    this.name = name;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on 127.0.0.1.
   *
   * @param name names the server's threads ({@code <name>-1}, {@code <name>-2}, ...)
   * @param port the port, or 0 for a free one
   * @param handler answers every request, whatever its path
   * @return the running server
   * @throws IOException when the port cannot be bound
   * @throws IllegalArgumentException when the port is out of range
   */
  public static SimulatorServer start(String name, int port, HttpHandler handler) throws IOException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(name));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new SimulatorServer(name, server, executor);
  }

  /**
   * A factory of daemon threads named {@code <name>-1}, {@code <name>-2}, ..., for a simulator's
   * other executors (webhook senders, scheduled commits), so they never keep a JVM alive either.
   *
   * @param name the thread name prefix
   * @return a new factory with its own counter
   */
  public static ThreadFactory daemonThreads(String name) {
    Objects.requireNonNull(name, "name");
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * The port the server listens on.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The server's root URL.
   *
   * @return for example {@code http://127.0.0.1:41234}, without a trailing slash
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops accepting, interrupts running handlers and waits up to 5 s for them to end. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SimulatorServer[" + name + ", " + baseUrl() + "]";
  }
}
