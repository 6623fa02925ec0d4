/**
 * Timeouts, retries with exponential backoff and full jitter, circuit breaker, rate limiter and
 * bulkhead, configured as one immutable {@link io.ysh.core.resilience.ResiliencePolicy} and run by
 * {@link io.ysh.core.resilience.Resilience} on Resilience4j.
 */
package io.ysh.core.resilience;
