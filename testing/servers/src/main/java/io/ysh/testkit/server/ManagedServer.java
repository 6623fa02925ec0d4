package io.ysh.testkit.server;

/**
 * A server that a test started and must stop: a separate process ({@link ServerProcess}) or
 * a server running inside the test JVM ({@link EmbeddedServer}).
 *
 * <p>Every implementation in this package is registered, while it runs, with one JVM shutdown
 * hook, so a test that forgets to close it (or a JVM that exits early) still stops it.
 * {@link #close()} is idempotent and never throws a checked exception, so servers fit in
 * try-with-resources blocks and JUnit {@code @AfterAll} methods alike.
 */
public interface ManagedServer extends AutoCloseable {

  /**
   * The name the server was started under; it appears in log file names and error messages.
   *
   * @return the server's name
   */
  String name();

  /**
   * Whether the server is still running: {@code false} once it was closed or, for a process,
   * once the process exited on its own.
   *
   * @return {@code true} while the server runs
   */
  boolean isAlive();

  /**
   * Stops the server and waits until it is gone. Calling it again does nothing.
   */
  @Override
  void close();
}
