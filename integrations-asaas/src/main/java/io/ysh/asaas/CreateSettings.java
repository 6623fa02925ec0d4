package io.ysh.asaas;

import java.time.Duration;

/**
 * How creates wait: the POST's own timeout, the settle window of look-ups after an ambiguous
 * failure, the look-ups' backoff, the cross-process lease's lifetime and how long a completed
 * create answers repeated calls with the same reference.
 *
 * @param createTimeout the timeout of one create POST
 * @param settleWindow how long to look for the object after an ambiguous failure
 * @param settleInitialDelay the first pause between look-ups
 * @param settleMaxDelay the longest pause between look-ups
 * @param recentWindow how long a completed create is remembered (in this client and in the lease cache)
 */
record CreateSettings(
    Duration createTimeout, Duration settleWindow, Duration settleInitialDelay, Duration settleMaxDelay, Duration recentWindow) {

  /** Longer than anything one holder does with a lease: a POST, then a full settle window. */
  Duration leaseTtl() {
    return createTimeout.plus(settleWindow).plusSeconds(30);
  }
}
