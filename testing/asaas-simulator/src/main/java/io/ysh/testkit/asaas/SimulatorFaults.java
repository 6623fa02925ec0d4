package io.ysh.testkit.asaas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fault injection for {@link AsaasSimulator}: latency, error statuses, connections dropped before
 * or after the request took effect, and requests that take effect late while the client's
 * connection hangs or has been dropped.
 *
 * <p>Rules match a method ({@code "*"} for any) and a path prefix relative to {@code /v3}
 * ({@code "/payments"} matches {@code /payments}, {@code /payments/} and
 * {@code /payments/pay_1/refund}); each fires a given number of times, the oldest matching rule
 * first. A rule is consumed by the request it acts on, so "the next POST /payments" means the
 * next one the simulator receives, whoever sends it. Thread-safe.
 */
public final class SimulatorFaults {

  enum Kind {
    /** Answer an error status without processing. */
    STATUS,
    /** Close the connection without processing. */
    DROP_BEFORE,
    /** Process, then close the connection without answering. */
    DROP_AFTER,
    /** Process, then answer an error status. */
    STATUS_AFTER,
    /** Process, then wait before answering. */
    DELAY_AFTER,
    /** Hold the connection without answering, process after a delay, then close it. */
    LATE_HANG,
    /** Close the connection at once, process after a delay. */
    LATE_DROP
  }

  static final class Rule {
    final String method;
    final String prefix;
    final Kind kind;
    final int status;
    final Duration delay;
    int remaining;

    Rule(String method, String prefix, Kind kind, int status, Duration delay, int count) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      this.prefix = Objects.requireNonNull(prefix, "pathPrefix");
      this.kind = kind;
      this.status = status;
      this.delay = Objects.requireNonNull(delay, "delay");
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, was " + count);
      }
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.remaining = count;
    }

    boolean matches(String m, String path) {
      return ("*".equals(method) || method.equals(m)) && path.startsWith(prefix);
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration cardProcessing = Duration.ZERO;

  SimulatorFaults() {}

  /**
   * Delays every response by a fixed time.
   *
   * @param latency the delay, zero for none
   * @return this
   */
  public SimulatorFaults latency(Duration latency) {
    this.latency = nonNegative(latency);
    return this;
  }

  /**
   * Makes every card charge (a payment or subscription created with card data or a card token)
   * take this long before it is committed and answered, as a real card authorization does.
   * Asaas advises client timeouts of at least 60 s for these calls.
   *
   * @param delay the processing time, zero for none
   * @return this
   */
  public SimulatorFaults cardProcessingDelay(Duration delay) {
    this.cardProcessing = nonNegative(delay);
    return this;
  }

  /**
   * Answers the next matching requests with an error status (and the Asaas error body) without
   * processing them.
   *
   * @param method the method, or {@code "*"}
   * @param pathPrefix the path prefix, such as {@code /payments}
   * @param count how many requests
   * @param status the status, such as 500 or 503
   * @return this
   */
  public synchronized SimulatorFaults failNext(String method, String pathPrefix, int count, int status) {
    rules.add(new Rule(method, pathPrefix, Kind.STATUS, status, Duration.ZERO, count));
    return this;
  }

  /**
   * Processes the next matching requests (the state changes: the charge exists) and then answers
   * an error status, as a gateway that timed out in front of a server that finished anyway.
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @param status the status, such as 502 or 504
   * @return this
   */
  public synchronized SimulatorFaults failAfterCommit(String method, String pathPrefix, int count, int status) {
    rules.add(new Rule(method, pathPrefix, Kind.STATUS_AFTER, status, Duration.ZERO, count));
    return this;
  }

  /**
   * Processes the next matching requests (the state changes: the charge exists) and then
   * closes the connection without answering: the classic ambiguous failure.
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @return this
   */
  public synchronized SimulatorFaults dropConnectionAfterCommit(String method, String pathPrefix, int count) {
    rules.add(new Rule(method, pathPrefix, Kind.DROP_AFTER, 0, Duration.ZERO, count));
    return this;
  }

  /**
   * Closes the connection without processing the next matching requests. The client has written
   * its request by then, so for it the outcome is as ambiguous as a drop after the commit.
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @return this
   */
  public synchronized SimulatorFaults dropConnectionBeforeCommit(String method, String pathPrefix, int count) {
    rules.add(new Rule(method, pathPrefix, Kind.DROP_BEFORE, 0, Duration.ZERO, count));
    return this;
  }

  /**
   * Processes the next matching requests, then waits before answering (to make a client time
   * out after the effect).
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @param delay how long to wait before answering
   * @return this
   */
  public synchronized SimulatorFaults delayAfterCommit(String method, String pathPrefix, int count, Duration delay) {
    rules.add(new Rule(method, pathPrefix, Kind.DELAY_AFTER, 0, delay, count));
    return this;
  }

  /**
   * Accepts the next matching requests and holds their connections without answering; each
   * request is committed {@code commitDelay} after it arrived (what Asaas does under load, or
   * for a slow card authorization), and only then is its connection closed, still without an
   * answer. A client whose timeout is shorter sees a timeout, and the object appears later.
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @param commitDelay when the request takes effect, counted from its arrival
   * @return this
   */
  public synchronized SimulatorFaults commitLateWhileHanging(String method, String pathPrefix, int count, Duration commitDelay) {
    rules.add(new Rule(method, pathPrefix, Kind.LATE_HANG, 0, commitDelay, count));
    return this;
  }

  /**
   * Accepts the next matching requests, closes their connections at once without answering,
   * and commits each request {@code commitDelay} later: the client sees a dropped connection,
   * and a look-up right away finds nothing.
   *
   * @param method the method
   * @param pathPrefix the path prefix
   * @param count how many requests
   * @param commitDelay when the request takes effect, counted from its arrival
   * @return this
   */
  public synchronized SimulatorFaults commitLateAfterDrop(String method, String pathPrefix, int count, Duration commitDelay) {
    rules.add(new Rule(method, pathPrefix, Kind.LATE_DROP, 0, commitDelay, count));
    return this;
  }

  /**
   * Removes every rule, the latency and the card processing delay. Late commits already
   * accepted still happen.
   *
   * @return this
   */
  public synchronized SimulatorFaults clear() {
    rules.clear();
    latency = Duration.ZERO;
    cardProcessing = Duration.ZERO;
    return this;
  }

  Duration latency() {
    return latency;
  }

  Duration cardProcessing() {
    return cardProcessing;
  }

  synchronized Rule take(String method, String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.matches(method, path)) {
        r.remaining--;
        if (r.remaining <= 0) {
          it.remove();
        }
        return r;
      }
    }
    return null;
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return d;
  }

  @Override
  public synchronized String toString() {
    return "SimulatorFaults[" + rules.size() + " rules, latency " + latency + "]";
  }
}
