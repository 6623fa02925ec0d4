package io.ysh.testkit.server;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Tells whether a server that was just started is ready to serve requests.
 *
 * <p>The harness calls {@link #isReady(Context)} repeatedly (every few tens of milliseconds,
 * backing off to a quarter of a second) until it returns {@code true}, the server's process
 * exits, or the startup timeout passes. Returning {@code false} or throwing any exception
 * means "not ready yet"; the last exception thrown is quoted in the error if the server never
 * becomes ready. The one exception is {@link UnsupportedOperationException}, which means the
 * probe can never succeed and ends the wait at once.
 *
 * <p>Ready-made probes: {@link #tcp(String, int)}, {@link #http(URI, IntPredicate)},
 * {@link #logLine(Pattern)} and {@link #immediately()}; combine them with {@link #and} or
 * {@link #allOf}. A probe should answer quickly (the built-in network probes give up after a
 * second or two), because the harness only checks its deadline between calls.
 *
 * <pre>{@code
 * ReadinessProbe.tcp(port)
 * ReadinessProbe.http(URI.create("http://127.0.0.1:" + port + "/health"), status -> status == 200)
 * ReadinessProbe.logLine(Pattern.compile("Kafka Server started"))
 * context -> jedis.ping().equals("PONG")          // a custom probe
 * }</pre>
 */
@FunctionalInterface
public interface ReadinessProbe {

  /**
   * Checks once whether the server is ready.
   *
   * @param context what the harness knows about the server being started
   * @return {@code true} when the server is ready
   * @throws Exception when the check failed; it means "not ready yet", except
   *     {@link UnsupportedOperationException} which aborts the start
   */
  boolean isReady(Context context) throws Exception;

  /**
   * Returns a probe that is ready only when this probe and then {@code other} are ready.
   *
   * @param other the probe checked after this one
   * @return the combined probe
   */
  default ReadinessProbe and(ReadinessProbe other) {
    return allOf(this, other);
  }

  /**
   * A probe that is ready when a TCP connection to {@code host:port} succeeds.
   *
   * @param host the host name or address, usually {@code 127.0.0.1}
   * @param port the TCP port
   * @return the probe
   */
  static ReadinessProbe tcp(String host, int port) {
    return new Probes.Tcp(host, port);
  }

  /**
   * A probe that is ready when a TCP connection to {@code 127.0.0.1:port} succeeds.
   *
   * @param port the TCP port on the loopback address
   * @return the probe
   */
  static ReadinessProbe tcp(int port) {
    return tcp("127.0.0.1", port);
  }

  /**
   * A probe that sends {@code GET uri} (HTTP/1.1, no redirects followed) and is ready when the
   * response status satisfies {@code statusIsReady}.
   *
   * @param uri the URI to request
   * @param statusIsReady which status codes mean ready, for example {@code s -> s == 200} or
   *     {@code s -> s < 500}
   * @return the probe
   */
  static ReadinessProbe http(URI uri, IntPredicate statusIsReady) {
    return new Probes.Http(uri, statusIsReady);
  }

  /**
   * A probe that sends {@code GET uri} and is ready on any 2xx status.
   *
   * @param uri the URI to request
   * @return the probe
   */
  static ReadinessProbe http(URI uri) {
    return http(uri, status -> status >= 200 && status < 300);
  }

  /**
   * A probe that is ready once a line of the server's output (stdout or stderr) contains a
   * match for {@code pattern} ({@link java.util.regex.Matcher#find()}; anchor the pattern with
   * {@code ^} and {@code $} to match whole lines). Every line the process printed since it
   * started counts, however early. Only servers that run as processes have output: an
   * {@link EmbeddedServer} started with this probe fails at once.
   *
   * @param pattern the pattern to look for
   * @return the probe
   */
  static ReadinessProbe logLine(Pattern pattern) {
    return new Probes.LogLine(pattern);
  }

  /**
   * A probe that is always ready, for servers that need no wait or that the caller checks
   * itself.
   *
   * @return the probe
   */
  static ReadinessProbe immediately() {
    return Probes.Immediately.INSTANCE;
  }

  /**
   * A probe that is ready when all of {@code probes} are ready, checked in order (later probes
   * are not called while an earlier one is not ready).
   *
   * @param probes the probes, at least one
   * @return the combined probe
   * @throws IllegalArgumentException if no probe is given
   */
  static ReadinessProbe allOf(ReadinessProbe... probes) {
    if (probes.length == 0) {
      throw new IllegalArgumentException("allOf needs at least one probe");
    }
    return new Probes.AllOf(List.of(probes));
  }

  /**
   * Gives a custom probe a description, shown in the error when the server never becomes
   * ready (a lambda's own name says nothing useful).
   *
   * @param description what the probe waits for, for example {@code "PING answered"}
   * @param probe the probe
   * @return the same check, described
   */
  static ReadinessProbe named(String description, ReadinessProbe probe) {
    return new Probes.Named(Objects.requireNonNull(description, "description"), probe);
  }

  /**
   * What the harness knows about the server being started, handed to each check.
   */
  interface Context {

    /**
     * The name the server is being started under.
     *
     * @return the server's name
     */
    String serverName();

    /**
     * Whether any line the server printed since it started contains a match for
     * {@code pattern}.
     *
     * @param pattern the pattern to find
     * @return {@code true} if some line matches
     * @throws UnsupportedOperationException if the server has no output (an in-JVM server)
     */
    boolean anyOutputLineMatches(Pattern pattern);
  }
}
