package io.ysh.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reading and answering one {@link HttpExchange} of a {@link SimulatorServer}, including the
 * failures a simulator injects: a connection closed without an answer and a body cut short.
 */
public final class Exchanges {

  private Exchanges() {}

  /**
   * Decodes a raw query string ({@code a=1&b=x%20y}) into its parameters, in order. A parameter
   * without {@code =} has the empty value; a repeated one keeps its last value.
   *
   * @param rawQuery the query as received (percent-encoded), or null
   * @return the decoded parameters, unmodifiable; empty for null or an empty query
   */
  public static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Collections.unmodifiableMap(out);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Answers with a status, headers and a body, and closes the exchange. An empty body, a 204 and
   * a 304 are sent without one (no {@code Content-Length: 0} body to read).
   *
   * @param exchange the exchange
   * @param status the HTTP status
   * @param headers response headers, set (replacing any already there)
   * @param body the body, possibly empty
   * @throws IOException when the client went away
   */
  public static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
    Objects.requireNonNull(body, "body");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (body.length == 0 || status == 204 || status == 304) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Announces the whole body's {@code Content-Length} but sends only its first {@code bytes}
   * bytes, then breaks the connection: the client sees the body end early, as when a download
   * is cut off. Always throws, so that the JDK server closes the connection instead of reusing
   * it; let the exception leave the handler.
   *
   * @param exchange the exchange
   * @param status the HTTP status
   * @param headers response headers
   * @param body the whole body
   * @param bytes how many bytes to send, at most the body's length
   * @throws IOException always: the simulated truncation (or the client going away first)
   */
  public static void sendTruncated(HttpExchange exchange, int status, Map<String, String> headers, byte[] body, int bytes)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, Math.max(0, Math.min(bytes, body.length)));
    out.flush();
    // A handler that throws makes the JDK server close the connection, mid-body.
    throw new IOException("simulated truncation after " + bytes + " of " + body.length + " bytes");
  }

  /**
   * Closes the connection without sending a status line: the client sees it end, as after a
   * reset or a TLS EOF, and cannot tell whether the request was processed.
   *
   * @param exchange the exchange
   */
  public static void drop(HttpExchange exchange) {
    try {
      exchange.getRequestBody().close();
    } catch (IOException ignored) {
      // dropping anyway
    }
    exchange.close();
  }

  /**
   * Sleeps, as a simulated latency does. An interrupt (the server closing) ends the sleep early
   * and stays set on the thread.
   *
   * @param duration how long; null or zero for no pause
   */
  public static void sleep(Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
