package io.ysh.queue.spi;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.QueueCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a provider implements to consume, at least once. Batch-oriented like Go CDK's
 * {@code driver.Subscription}: the portable {@link io.ysh.queue.Subscription} tracks message
 * state, counts attempts and dead-letters after too many (unless
 * {@link QueueCapabilities#nativeDeadLetter()}), computes nack backoff, batches acks, runs push
 * handlers with bounded concurrency, retries, maps errors and records telemetry.
 *
 * <p>The delivery contract: a received message stays invisible to other consumers until it is
 * acked, nacked, or its ack deadline passes (or the consumer's connection dies, for
 * connection-based providers); then it is delivered again with a higher
 * {@link DriverMessage#deliveryAttempt()}. A message is removed only by {@link #ack} (or moved by
 * {@link #deadLetter}).
 *
 * <p>The portable layer retries every method of this interface on transient failures, so each
 * must be safe to repeat. Implementations must be thread-safe: receives, acks and nacks arrive
 * from different threads.
 */
public interface SubscriptionDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry. Constant.
   *
   * @return the name, non-null
   */
  String provider();

  /**
   * The subscription's name (queue, stream/group) for errors and telemetry. Constant.
   *
   * @return the name, non-null
   */
  String name();

  /**
   * The driver's features. Constant for the driver's lifetime.
   *
   * @return the capabilities, non-null
   */
  QueueCapabilities capabilities();

  /**
   * Receives up to {@code max} messages, waiting up to {@code wait} for the first one.
   *
   * @param max at least 1; never more than the portable layer's in-flight room
   * @param wait how long to wait when nothing is available, non-null and not negative; zero means
   *     do not wait
   * @return the messages, possibly empty, never null
   * @throws Exception whatever the provider's client throws
   */
  List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception;

  /**
   * Acknowledges deliveries: the messages are removed. Acking a handle twice, or a handle whose
   * deadline passed, must not fail.
   *
   * @param ackIds handles from {@link DriverMessage#ackId()}; non-empty, at most 1,000
   * @throws Exception whatever the provider's client throws
   */
  void ack(List<String> ackIds) throws Exception;

  /**
   * Gives deliveries back: each message is delivered again no sooner than {@code delay} from now
   * (best effort), with its delivery attempt increased.
   *
   * @param ackIds handles from {@link DriverMessage#ackId()}, non-empty
   * @param delay the redelivery delay, between zero (as soon as possible) and
   *     {@link QueueCapabilities#maxNackDelay()}: the portable layer shortens longer ones
   * @throws Exception whatever the provider's client throws
   */
  void nack(List<String> ackIds, Duration delay) throws Exception;

  /**
   * Keeps a delivery invisible for {@code extension} from now. Only called when
   * {@link QueueCapabilities#extendDeadline()} is true.
   *
   * @param ackId the handle
   * @param extension how long from now, non-null
   * @throws Exception whatever the provider's client throws
   */
  void extendDeadline(String ackId, Duration extension) throws Exception;

  /**
   * Moves deliveries to the dead-letter destination: publishes each (body, attributes, ordering
   * key) there, then acks the original, so that a failure half-way leaves a message where it was
   * (or, at worst, in both places). Called by the portable layer for messages whose delivery
   * attempt exceeds the configured maximum, and only when
   * {@link QueueCapabilities#nativeDeadLetter()} is false.
   *
   * @param messages the deliveries, non-empty
   * @throws Exception whatever the provider's client throws; an {@code INVALID_ARGUMENT}
   *     {@link io.ysh.core.YshException} when no dead-letter destination is configured
   */
  void deadLetter(List<DriverMessage> messages) throws Exception;

  /**
   * Maps this provider's exceptions; must fall back to {@link io.ysh.core.Errors#classify}.
   *
   * @return the mapper, non-null
   */
  ErrorMapper errorMapper();

  /**
   * Checks, with the provider's cheapest real call, that the broker answers and, where
   * the call tells, that the subscription exists, without receiving anything (RabbitMQ: a passive declare of the queue; Redis:
   * {@code PING}; SQS: {@code GetQueueAttributes}). Must return or throw
   * within about {@code timeout}. Called by {@link io.ysh.queue.Subscription#ping}, which maps what
   * it throws with {@link #errorMapper()} and never retries it.
   *
   * <p>The default throws an {@code UNSUPPORTED} {@link io.ysh.core.YshException}: a driver
   * written before this method existed has no check, and says so rather than claiming the broker
   * is reachable.
   *
   * @param timeout how long the check may take, positive
   * @throws Exception whatever the provider's client throws ({@code NOT_FOUND} for a missing
   *     subscription, {@code UNAVAILABLE} for an unreachable broker once mapped)
   */
  default void ping(Duration timeout) throws Exception {
    throw io.ysh.core.YshException.builder(io.ysh.core.ErrorCode.UNSUPPORTED)
        .operation("queue.ping")
        .provider(provider())
        .detail("the " + provider() + " subscription driver has no reachability check")
        .build();
  }

  /**
   * A native object this driver holds, for what the portable API does not cover. The portable
   * {@link io.ysh.queue.Subscription#unwrap} answers for the driver itself before asking.
   *
   * @param <T> the requested type
   * @param type the native type, non-null
   * @return the native object, or empty when this driver has none of that type (the default)
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  /**
   * Releases the driver's resources. Called once, by the portable layer, after it flushed its
   * queued acks. Deliveries not acked become visible again (immediately for connection-based
   * providers, after their deadline otherwise). Must not throw: failures are logged by the driver.
   */
  @Override
  void close();
}
