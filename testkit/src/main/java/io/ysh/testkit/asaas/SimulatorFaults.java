package io.ysh.testkit.asaas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Fault injection for {@link AsaasSimulator}: latency, error statuses, and connections dropped
 * before or after the request took effect. Rules match a method ({@code "*"} for any) and a
 * path prefix relative to {@code /v3} ({@code "/payments"}); each fires a given number of times.
 * Thread-safe.
 */
public final class SimulatorFaults {

  enum Kind { STATUS, DROP_BEFORE, DROP_AFTER, DELAY_AFTER }

  static final class Rule {
    final String method;
    final String prefix;
    final Kind kind;
    final int status;
    final Duration delay;
    int remaining;

    Rule(String method, String prefix, Kind kind, int status, Duration delay, int count) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.prefix = prefix;
      this.kind = kind;
      this.status = status;
      this.delay = delay;
      this.remaining = count;
    }

    boolean matches(String m, String path) {
      return ("*".equals(method) || method.equals(m)) && path.startsWith(prefix);
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;

  SimulatorFaults() {}

  /**
   * Delays every response by a fixed time.
   *
   * @param latency the delay, zero for none
   * @return this
   */
  public SimulatorFaults latency(Duration latency) {
    this.latency = latency;
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
   * Closes the connection without processing the next matching requests.
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
   * Removes every rule and the latency.
   *
   * @return this
   */
  public synchronized SimulatorFaults clear() {
    rules.clear();
    latency = Duration.ZERO;
    return this;
  }

  Duration latency() {
    return latency;
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
}
