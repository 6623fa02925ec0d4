package io.ysh.secrets;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a {@link SecretStore} caches values. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>TTL</b>: a value read from the backend is served from memory for this long. A
 *       rotation at the provider is therefore seen within the TTL.
 *   <li><b>Refresh-ahead</b>: a read in the last {@code refreshAhead} of an entry's TTL returns
 *       the cached value at once and starts one background reload, so hot secrets never expire
 *       in the caller's thread.
 *   <li><b>Stale-if-error</b>: when the backend fails with a retryable error (unavailable,
 *       timeout, rate limited) while reloading an expired entry, the expired value is served for
 *       up to {@code staleIfError} past its TTL; each such read is logged at WARN (name and error
 *       code, never the value) and counted in {@link SecretCacheStats#staleServed()}. Errors that
 *       retrying cannot fix (not found, permission denied) are never hidden.
 *   <li><b>Max entries</b>: a bound on cached versions; past it an arbitrary entry is evicted.
 * </ul>
 *
 * <p>Defaults: TTL 5 minutes, refresh-ahead one fifth of the TTL, stale-if-error 10 minutes,
 * 10,000 entries, {@link System#nanoTime()} as the clock.
 */
public final class SecretCachePolicy {

  private static final SecretCachePolicy DISABLED = new SecretCachePolicy(new Builder(), false);

  private final boolean enabled;
  private final Duration ttl;
  private final Duration refreshAhead;
  private final Duration staleIfError;
  private final int maxEntries;
  private final LongSupplier ticker;

  private SecretCachePolicy(Builder b, boolean enabled) {
    this.enabled = enabled;
    this.ttl = b.ttl;
    this.refreshAhead = b.refreshAhead != null ? b.refreshAhead : b.ttl.dividedBy(5);
    this.staleIfError = b.staleIfError;
    this.maxEntries = b.maxEntries;
    this.ticker = b.ticker;
  }

  /**
   * No caching: every read goes to the backend.
   *
   * @return the policy
   */
  public static SecretCachePolicy disabled() {
    return DISABLED;
  }

  /**
   * Caching with the given TTL and the other defaults.
   *
   * @param ttl how long a value is fresh, positive
   * @return the policy
   * @throws YshException {@code INVALID_ARGUMENT} when the TTL is not positive
   */
  public static SecretCachePolicy ttl(Duration ttl) {
    return builder().ttl(ttl).build();
  }

  /**
   * Starts building an enabled policy from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether caching is on.
   *
   * @return false for {@link #disabled()}
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * How long a loaded value is fresh (default 5 minutes).
   *
   * @return the TTL
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * The window before expiry in which a read triggers a background reload (default a fifth of the
   * TTL); shorter than the TTL; zero for none.
   *
   * @return the refresh-ahead window
   */
  public Duration refreshAhead() {
    return refreshAhead;
  }

  /**
   * How long past its TTL an entry may be served when reloading fails with a retryable error
   * (default 10 minutes); zero to never serve stale values.
   *
   * @return the stale-if-error bound
   */
  public Duration staleIfError() {
    return staleIfError;
  }

  /**
   * The most entries (secret versions) kept (default 10,000).
   *
   * @return the bound
   */
  public int maxEntries() {
    return maxEntries;
  }

  /**
   * The clock, in nanoseconds like {@link System#nanoTime()} (the default), that ages entries.
   *
   * @return the ticker
   */
  public LongSupplier ticker() {
    return ticker;
  }

  @Override
  public String toString() {
    return enabled
        ? "SecretCachePolicy[ttl=" + ttl + ", refreshAhead=" + refreshAhead + ", staleIfError=" + staleIfError
            + ", maxEntries=" + maxEntries + "]"
        : "SecretCachePolicy[disabled]";
  }

  /**
   * Builds {@link SecretCachePolicy}s; a setter sets the setting of the same name, described on
   * its accessor. Not thread-safe.
   */
  public static final class Builder {
    private Duration ttl = Duration.ofMinutes(5);
    private Duration refreshAhead;
    private Duration staleIfError = Duration.ofMinutes(10);
    private int maxEntries = 10_000;
    private LongSupplier ticker = System::nanoTime;

    private Builder() {}

    /**
     * {@return this builder}
     *
     * @param ttl {@link SecretCachePolicy#ttl()}; positive
     * @throws YshException {@code INVALID_ARGUMENT} when not positive
     */
    public Builder ttl(Duration ttl) {
      Args.notNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw YshException.invalidArgument("cache TTL must be positive, got " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param refreshAhead {@link SecretCachePolicy#refreshAhead()}; zero or positive
     * @throws YshException {@code INVALID_ARGUMENT} when negative
     */
    public Builder refreshAhead(Duration refreshAhead) {
      Args.notNull(refreshAhead, "refreshAhead");
      if (refreshAhead.isNegative()) {
        throw YshException.invalidArgument("refresh-ahead window must not be negative");
      }
      this.refreshAhead = refreshAhead;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param staleIfError {@link SecretCachePolicy#staleIfError()}; zero or positive
     * @throws YshException {@code INVALID_ARGUMENT} when negative
     */
    public Builder staleIfError(Duration staleIfError) {
      Args.notNull(staleIfError, "staleIfError");
      if (staleIfError.isNegative()) {
        throw YshException.invalidArgument("stale-if-error bound must not be negative");
      }
      this.staleIfError = staleIfError;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param maxEntries {@link SecretCachePolicy#maxEntries()}; at least 1
     * @throws YshException {@code INVALID_ARGUMENT} when less than 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw YshException.invalidArgument("maxEntries must be at least 1");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param ticker {@link SecretCachePolicy#ticker()}; replaced in tests
     */
    public Builder ticker(LongSupplier ticker) {
      this.ticker = Args.notNull(ticker, "ticker");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws YshException {@code INVALID_ARGUMENT} when refresh-ahead is not shorter than the TTL
     */
    public SecretCachePolicy build() {
      if (refreshAhead != null && refreshAhead.compareTo(ttl) >= 0) {
        throw YshException.invalidArgument("refresh-ahead window " + refreshAhead + " must be shorter than the TTL " + ttl);
      }
      return new SecretCachePolicy(this, true);
    }
  }
}
