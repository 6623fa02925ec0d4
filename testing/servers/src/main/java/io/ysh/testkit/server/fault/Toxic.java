package io.ysh.testkit.server.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One fault a {@link FaultProxy} injects, as an immutable description; {@link FaultProxy#add}
 * arms it.
 *
 * <p>Continuous toxics ({@link #latency}, {@link #bandwidth}) act on every chunk of their
 * direction while armed. Firing toxics ({@link #resetAfter}, {@link #closeAfter},
 * {@link #blackhole}, {@link #respond}) strike a connection at a point and may be limited to a
 * number of strikes with {@link #times(int)}: a toxic armed with {@code times(1)} breaks one
 * connection, and the client's next attempt (on a new connection) gets through. That is how a
 * test breaks "the first attempt" without knowing which pooled connection the client uses.
 *
 * <p>Where a firing toxic counts from: on a proxy made with {@link FaultProxy#http}, a toxic
 * restricted with {@link #onRequests(String)} counts from the start of each request whose request
 * line matches (and, downstream, from the start of its response); any other toxic counts from
 * the first byte its connection carries in its direction after the toxic was armed.
 */
public final class Toxic {

  /** Which way the bytes a toxic acts on travel. */
  public enum Direction {
    /** From the client to the server: requests, uploads. */
    UPSTREAM,
    /** From the server to the client: responses, downloads. */
    DOWNSTREAM
  }

  /** What a toxic does. */
  public enum Kind {
    /** Holds every chunk for a fixed delay before forwarding it. */
    LATENCY,
    /** Forwards at most a number of bytes per second. */
    BANDWIDTH,
    /** Forwards a number of bytes, then resets both sockets (TCP RST, {@code SO_LINGER 0}). */
    RESET,
    /** Forwards a number of bytes, then closes both sockets in order (FIN): a truncated stream. */
    CLOSE,
    /** Forwards a number of bytes (often 0), then swallows every later byte of the connection in its direction. */
    BLACKHOLE,
    /** Answers an HTTP request itself, with a canned response, and closes the connection. */
    RESPOND
  }

  private final Kind kind;
  private final Direction direction;
  private final long amount;
  private final int times;
  private final Pattern requests;
  private final byte[] response;

  private Toxic(Kind kind, Direction direction, long amount, int times, Pattern requests, byte[] response) {
    this.kind = kind;
    this.direction = direction;
    this.amount = amount;
    this.times = times;
    this.requests = requests;
    this.response = response;
  }

  /**
   * Delays every chunk in one direction.
   *
   * @param direction the direction
   * @param delay the delay, positive
   * @return the toxic
   */
  public static Toxic latency(Direction direction, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("delay must be positive: " + delay);
    }
    return new Toxic(Kind.LATENCY, Objects.requireNonNull(direction, "direction"), delay.toNanos(), 0, null, null);
  }

  /**
   * Limits the rate of one direction, per connection.
   *
   * @param direction the direction
   * @param bytesPerSecond the rate, positive
   * @return the toxic
   */
  public static Toxic bandwidth(Direction direction, long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
    }
    return new Toxic(Kind.BANDWIDTH, Objects.requireNonNull(direction, "direction"), bytesPerSecond, 0, null, null);
  }

  /**
   * Forwards {@code bytes} bytes of a connection in one direction, then resets it (both sockets
   * closed with {@code SO_LINGER 0}, so both peers see a TCP RST).
   *
   * @param direction the direction whose bytes are counted
   * @param bytes how many bytes get through, at least 0
   * @return the toxic, firing without limit until {@link #times(int)} says otherwise
   */
  public static Toxic resetAfter(Direction direction, long bytes) {
    return new Toxic(Kind.RESET, Objects.requireNonNull(direction, "direction"), nonNegative(bytes), Integer.MAX_VALUE,
        null, null);
  }

  /**
   * Forwards {@code bytes} bytes of a connection in one direction, then closes it in order (FIN):
   * the peer reading that direction sees its stream end early.
   *
   * @param direction the direction whose bytes are counted
   * @param bytes how many bytes get through, at least 0
   * @return the toxic, firing without limit until {@link #times(int)} says otherwise
   */
  public static Toxic closeAfter(Direction direction, long bytes) {
    return new Toxic(Kind.CLOSE, Objects.requireNonNull(direction, "direction"), nonNegative(bytes), Integer.MAX_VALUE,
        null, null);
  }

  /**
   * Swallows everything a struck connection sends in one direction from then on, keeping the
   * connection open: the peer waits until its own timeout.
   *
   * @param direction the direction
   * @return the toxic, firing without limit until {@link #times(int)} says otherwise
   */
  public static Toxic blackhole(Direction direction) {
    return blackholeAfter(direction, 0);
  }

  /**
   * Forwards {@code bytes} bytes of a connection in one direction, then swallows everything it
   * sends that way from then on, keeping the connection open: a server (or a path to it) that
   * stalls in the middle of a transfer.
   *
   * @param direction the direction whose bytes are counted
   * @param bytes how many bytes get through, at least 0
   * @return the toxic, firing without limit until {@link #times(int)} says otherwise
   */
  public static Toxic blackholeAfter(Direction direction, long bytes) {
    return new Toxic(Kind.BLACKHOLE, Objects.requireNonNull(direction, "direction"), nonNegative(bytes),
        Integer.MAX_VALUE, null, null);
  }

  /**
   * Answers a matching HTTP request itself (it never reaches the server) with a canned response
   * carrying {@code Connection: close}, then closes the connection. Only on a proxy made with
   * {@link FaultProxy#http}.
   *
   * @param status the HTTP status, such as 503
   * @param headers extra response headers, such as {@code Retry-After}
   * @param body the response body (UTF-8), possibly empty
   * @return the toxic, firing without limit until {@link #times(int)} says otherwise
   */
  public static Toxic respond(int status, Map<String, String> headers, String body) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    byte[] content = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
    Map<String, String> all = new LinkedHashMap<>(Objects.requireNonNull(headers, "headers"));
    all.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Length") || k.equalsIgnoreCase("Connection"));
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] response = new byte[h.length + content.length];
    System.arraycopy(h, 0, response, 0, h.length);
    System.arraycopy(content, 0, response, h.length, content.length);
    return new Toxic(Kind.RESPOND, Direction.UPSTREAM, 0, Integer.MAX_VALUE, null, response);
  }

  /**
   * The same toxic, striking at most {@code times} connections (or requests); continuous toxics
   * ignore it.
   *
   * @param times at least 1
   * @return the toxic
   */
  public Toxic times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return new Toxic(kind, direction, amount, times, requests, response);
  }

  /**
   * The same toxic, acting only on HTTP requests whose header block contains a match of
   * {@code regex}, and on their responses. Only on a proxy made with {@link FaultProxy#http}. The
   * block starts with the request line (such as
   * {@code PUT /bucket/key?partNumber=2&uploadId=x HTTP/1.1}), so {@code ^PUT /bucket/key\?}
   * aims at the request line; each header follows on its own line ending in CR LF, so
   * {@code (?i)\r\ncontent-range: bytes 0-} aims at a header.
   *
   * @param regex a {@link Pattern} searched for in the header block
   * @return the toxic
   */
  public Toxic onRequests(String regex) {
    return new Toxic(kind, direction, amount, times, Pattern.compile(regex), response);
  }

  /**
   * What the toxic does.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The direction it acts on.
   *
   * @return the direction
   */
  public Direction direction() {
    return direction;
  }

  /**
   * How many connections or requests it strikes at most ({@link Integer#MAX_VALUE} for no limit).
   *
   * @return the limit
   */
  public int times() {
    return times;
  }

  /**
   * The request-line pattern it is restricted to, if any.
   *
   * @return the pattern
   */
  public Optional<Pattern> requests() {
    return Optional.ofNullable(requests);
  }

  long amount() {
    return amount;
  }

  byte[] response() {
    return response;
  }

  boolean fires() {
    return kind != Kind.LATENCY && kind != Kind.BANDWIDTH;
  }

  boolean matches(String head) {
    return requests == null || requests.matcher(head).find();
  }

  private static long nonNegative(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    return bytes;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 408 -> "Request Timeout";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.name().toLowerCase(Locale.ROOT)).append('(').append(direction);
    switch (kind) {
      case LATENCY -> s.append(", ").append(Duration.ofNanos(amount));
      case BANDWIDTH -> s.append(", ").append(amount).append(" B/s");
      case RESET, CLOSE, BLACKHOLE -> s.append(", after ").append(amount).append(" B");
      default -> { }
    }
    if (times != Integer.MAX_VALUE && fires()) {
      s.append(", ").append(times).append(times == 1 ? " time" : " times");
    }
    if (requests != null) {
      s.append(", on /").append(requests.pattern()).append('/');
    }
    return s.append(')').toString();
  }
}
