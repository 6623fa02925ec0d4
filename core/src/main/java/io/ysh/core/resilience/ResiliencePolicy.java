package io.ysh.core.resilience;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a client needs to call a provider resiliently, in one immutable value: timeouts,
 * retry, circuit breaker, rate limiter and bulkhead. Configure it once and share it; derive
 * variants with {@link #toBuilder()}.
 *
 * <p>Two timeouts, as in the AWS SDK: the <b>attempt timeout</b> bounds one try and is applied
 * by the transport (OkHttp's call timeout, Lettuce's command timeout, the cloud SDKs' attempt
 * timeout); the <b>total timeout</b> bounds the whole call including retries and backoff: no
 * new attempt starts, and no backoff sleeps, past it.
 *
 * <p>Retries happen only for calls the caller marks idempotent, and only for failures whose
 * {@link io.ysh.core.YshException#isRetryable()} is true.
 */
public final class ResiliencePolicy {

  private static final ResiliencePolicy NONE =
      builder().attemptTimeout(Duration.ofSeconds(30)).totalTimeout(Duration.ofSeconds(30)).retry(RetryPolicy.none()).build();

  private static final ResiliencePolicy DEFAULTS =
      builder()
          .attemptTimeout(Duration.ofSeconds(10))
          .totalTimeout(Duration.ofSeconds(30))
          .retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(5)))
          .circuitBreaker(CircuitBreakerPolicy.defaults())
          .build();

  private final Duration attemptTimeout;
  private final Duration totalTimeout;
  private final RetryPolicy retry;
  private final CircuitBreakerPolicy circuitBreaker;
  private final RateLimitPolicy rateLimit;
  private final BulkheadPolicy bulkhead;

  private ResiliencePolicy(Builder b) {
    this.attemptTimeout = b.attemptTimeout;
    this.totalTimeout = b.totalTimeout;
    this.retry = b.retry;
    this.circuitBreaker = b.circuitBreaker;
    this.rateLimit = b.rateLimit;
    this.bulkhead = b.bulkhead;
  }

  /**
   * One attempt, 30 second timeouts, no breaker, limiter or bulkhead: for local drivers
   * (memory, file system) and for tests.
   *
   * @return the preset
   */
  public static ResiliencePolicy none() {
    return NONE;
  }

  /**
   * The SDK's default for remote providers: 10 s per attempt, 30 s in all, 3 attempts with
   * exponential backoff and full jitter between 100 ms and 5 s, and a circuit breaker that
   * opens at 50% failures over 20 calls for 30 s. No rate limit and no bulkhead.
   *
   * @return the preset
   */
  public static ResiliencePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from {@link #none()}'s values.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this policy's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.attemptTimeout = attemptTimeout;
    b.totalTimeout = totalTimeout;
    b.retry = retry;
    b.circuitBreaker = circuitBreaker;
    b.rateLimit = rateLimit;
    b.bulkhead = bulkhead;
    return b;
  }

  /**
   * The bound on one attempt, applied by the transport.
   *
   * @return the attempt timeout
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * The bound on a whole call including retries.
   *
   * @return the total timeout
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /**
   * The retry policy for idempotent calls.
   *
   * @return the retry policy
   */
  public RetryPolicy retry() {
    return retry;
  }

  /**
   * The circuit breaker, if any.
   *
   * @return the circuit breaker policy
   */
  public Optional<CircuitBreakerPolicy> circuitBreaker() {
    return Optional.ofNullable(circuitBreaker);
  }

  /**
   * The client-side rate limit, if any.
   *
   * @return the rate limit policy
   */
  public Optional<RateLimitPolicy> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /**
   * The concurrency cap, if any.
   *
   * @return the bulkhead policy
   */
  public Optional<BulkheadPolicy> bulkhead() {
    return Optional.ofNullable(bulkhead);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResiliencePolicy p
        && attemptTimeout.equals(p.attemptTimeout)
        && totalTimeout.equals(p.totalTimeout)
        && retry.equals(p.retry)
        && Objects.equals(circuitBreaker, p.circuitBreaker)
        && Objects.equals(rateLimit, p.rateLimit)
        && Objects.equals(bulkhead, p.bulkhead);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attemptTimeout, totalTimeout, retry, circuitBreaker, rateLimit, bulkhead);
  }

  @Override
  public String toString() {
    return "ResiliencePolicy[attemptTimeout="
        + attemptTimeout
        + ", totalTimeout="
        + totalTimeout
        + ", retry="
        + retry
        + ", circuitBreaker="
        + circuitBreaker
        + ", rateLimit="
        + rateLimit
        + ", bulkhead="
        + bulkhead
        + "]";
  }

  /** Builds {@link ResiliencePolicy} values. Not thread-safe. */
  public static final class Builder {
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration totalTimeout = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.none();
    private CircuitBreakerPolicy circuitBreaker;
    private RateLimitPolicy rateLimit;
    private BulkheadPolicy bulkhead;

    private Builder() {}

    /**
     * Sets the bound on one attempt.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /**
     * Sets the bound on the whole call including retries.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder totalTimeout(Duration timeout) {
      this.totalTimeout = positive(timeout, "totalTimeout");
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retry the policy; {@link RetryPolicy#none()} for no retries
     * @return this builder
     */
    public Builder retry(RetryPolicy retry) {
      this.retry = Args.notNull(retry, "retry");
      return this;
    }

    /**
     * Sets or removes the circuit breaker.
     *
     * @param circuitBreaker the policy, or null for none
     * @return this builder
     */
    public Builder circuitBreaker(CircuitBreakerPolicy circuitBreaker) {
      this.circuitBreaker = circuitBreaker;
      return this;
    }

    /**
     * Sets or removes the rate limit.
     *
     * @param rateLimit the policy, or null for none
     * @return this builder
     */
    public Builder rateLimit(RateLimitPolicy rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /**
     * Sets or removes the bulkhead.
     *
     * @param bulkhead the policy, or null for none
     * @return this builder
     */
    public Builder bulkhead(BulkheadPolicy bulkhead) {
      this.bulkhead = bulkhead;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} when the attempt timeout exceeds the total timeout
     */
    public ResiliencePolicy build() {
      if (attemptTimeout.compareTo(totalTimeout) > 0) {
        throw YshException.invalidArgument(
            "attemptTimeout (" + attemptTimeout + ") must not exceed totalTimeout (" + totalTimeout + ")");
      }
      return new ResiliencePolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Args.notNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw YshException.invalidArgument(name + " must be positive");
      }
      return d;
    }
  }
}
