package io.ysh.queue;

import io.ysh.core.Args;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.queue.spi.DriverMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delivered message, to be settled exactly once with {@link #ack()} or {@link #nack()}.
 *
 * <p>Delivery is at least once: until it is acked the message may be delivered again (after a
 * nack's delay, after the provider's ack deadline, or when the consumer's connection is lost), with
 * a higher {@link #deliveryAttempt()}. Settling twice with the same verdict does nothing; acking
 * a nacked message (or the reverse) fails with {@code PRECONDITION_FAILED}, so a message is never
 * acked once the SDK gave it back (for example after a drain deadline). Thread-safe.
 */
public final class ReceivedMessage {

  private static final int PENDING = 0;
  private static final int ACKED = 1;
  private static final int NACKED = 2;

  private final DriverMessage delivery;
  private final Subscription owner;
  private final AtomicInteger state = new AtomicInteger(PENDING);

  ReceivedMessage(DriverMessage delivery, Subscription owner) {
    this.delivery = delivery;
    this.owner = owner;
  }

  /**
   * The provider's message id.
   *
   * @return the id
   */
  public String id() {
    return delivery.id();
  }

  /**
   * The content as published.
   *
   * @return the message
   */
  public Message message() {
    return delivery.message();
  }

  /**
   * The body.
   *
   * @return a copy of the body
   */
  public byte[] body() {
    return delivery.message().body();
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the text
   */
  public String bodyAsString() {
    return delivery.message().bodyAsString();
  }

  /**
   * The attributes.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> attributes() {
    return delivery.message().attributes();
  }

  /**
   * The ordering key, if it was published with one.
   *
   * @return the key
   */
  public Optional<String> orderingKey() {
    return delivery.message().orderingKey();
  }

  /**
   * Which delivery this is: 1 the first time, 2 after one redelivery, …. Providers that cannot
   * count crash redeliveries precisely report a lower bound (see the driver's README).
   *
   * @return the attempt, at least 1
   */
  public int deliveryAttempt() {
    return delivery.deliveryAttempt();
  }

  /**
   * Removes the message from the queue. Idempotent. Asynchronous, like Go CDK's {@code Ack}: the
   * ack is queued and sent in the background in batches (within milliseconds; {@link
   * Subscription#close()} flushes what is pending). An ack that fails is logged and the message
   * comes back after the ack deadline: delivery stays at-least-once.
   *
   * @throws YshException {@code PRECONDITION_FAILED} when the message was nacked
   */
  public void ack() {
    if (state.compareAndSet(PENDING, ACKED)) {
      owner.settle(this, true, null);
    } else if (state.get() != ACKED) {
      throw settled("ack", "nacked");
    }
  }

  /**
   * Gives the message back for redelivery after the subscription's backoff for this attempt
   * (exponential from the {@code nackDelay} base, capped by the provider's maximum). Idempotent.
   *
   * @throws YshException {@code PRECONDITION_FAILED} when the message was acked
   */
  public void nack() {
    nack(owner.backoff(deliveryAttempt()));
  }

  /**
   * Gives the message back for redelivery no sooner than {@code delay} from now (best effort;
   * capped at {@link QueueCapabilities#maxNackDelay()}). Idempotent.
   *
   * @param delay the delay; zero for as soon as possible
   * @throws YshException {@code PRECONDITION_FAILED} when the message was acked,
   *     {@code INVALID_ARGUMENT} for a negative delay
   */
  public void nack(Duration delay) {
    Args.notNull(delay, "delay");
    if (delay.isNegative()) {
      throw YshException.invalidArgument("nack delay must not be negative");
    }
    if (state.compareAndSet(PENDING, NACKED)) {
      owner.settle(this, false, delay);
    } else if (state.get() != NACKED) {
      throw settled("nack", "acked");
    }
  }

  /**
   * Keeps the message invisible to other consumers for {@code extension} from now, for handlers
   * that run longer than the ack deadline.
   *
   * @param extension how long from now
   * @throws YshException {@code UNSUPPORTED} when the provider cannot (see
   *     {@link QueueCapabilities#extendDeadline()}), {@code PRECONDITION_FAILED} when already settled
   */
  public void extendDeadline(Duration extension) {
    Args.notNull(extension, "extension");
    if (state.get() != PENDING) {
      throw settled("extendDeadline", state.get() == ACKED ? "acked" : "nacked");
    }
    owner.extend(this, extension);
  }

  /**
   * Whether ack or nack was called (or the SDK nacked it on close).
   *
   * @return true once settled
   */
  public boolean isSettled() {
    return state.get() != PENDING;
  }

  boolean nackIfPending() {
    return state.compareAndSet(PENDING, NACKED);
  }

  DriverMessage delivery() {
    return delivery;
  }

  private YshException settled(String op, String how) {
    return YshException.builder(ErrorCode.PRECONDITION_FAILED)
        .operation("queue." + op)
        .detail("message " + delivery.id() + " was already " + how)
        .build();
  }

  @Override
  public String toString() {
    return "ReceivedMessage[" + delivery.id() + ", attempt " + delivery.deliveryAttempt() + ", " + delivery.message() + "]";
  }
}
