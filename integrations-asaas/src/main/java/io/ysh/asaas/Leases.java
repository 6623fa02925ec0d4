package io.ysh.asaas;

import java.time.Duration;

/**
 * Cross-process exclusion for creates that share a key (an externalReference): only one holder
 * posts at a time, and a holder that succeeded leaves the created id behind for a while so that
 * latecomers return it instead of posting again.
 */
interface Leases {

  /** No coordination beyond this JVM. */
  Leases NONE = (key, ttl, maxWait) -> Lease.NONE;

  /**
   * Takes the lease of a key, waiting while another holder has it.
   *
   * @param key the create's key
   * @param ttl how long the lease lives unless renewed
   * @param maxWait how long to wait for another holder
   * @return the lease, or one that says the create is already done elsewhere
   * @throws WaitedTooLong when another holder kept it past {@code maxWait}
   * @throws io.ysh.core.YshException {@code UNAVAILABLE} when the lease store fails (nothing was sent)
   */
  Lease acquire(String key, Duration ttl, Duration maxWait);

  /** Another holder kept the lease past the wait: its create is still in progress somewhere. */
  final class WaitedTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitedTooLong(String message) {
      super(message, null, false, false);
    }
  }

  /** A held lease (or the news that the create was done elsewhere). */
  interface Lease {

    /** The lease of {@link #NONE}: always held, nothing to do. */
    Lease NONE = new Lease() {};

    /**
     * The id another holder created under this key, when it did.
     *
     * @return the id, or null when this caller holds the lease
     */
    default String doneElsewhere() {
      return null;
    }

    /**
     * Whether another holder's create under this key ended with an unknown outcome recently:
     * look, never post.
     *
     * @return true when the outcome elsewhere is unknown
     */
    default boolean unknownElsewhere() {
      return false;
    }

    /**
     * Whether another holder had the key before this one got it (and its lease expired): its
     * create may have taken effect, so look before posting.
     *
     * @return true to look up first
     */
    default boolean lookupFirst() {
      return false;
    }

    /**
     * Extends the lease before a POST.
     *
     * @return false when the lease was lost (another holder has it now)
     */
    default boolean renew() {
      return true;
    }

    /** The create succeeded: leave the id for latecomers. */
    default void done(String id) {}

    /** Nothing was created: let the next holder in at once. */
    default void release() {}

    /** The outcome is unknown: for the recent window, others only look and never post. */
    default void unknown() {}
  }
}
