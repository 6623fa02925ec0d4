package io.ysh.queue.spi;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.QueueCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a provider implements to consume, at least once. Batch-oriented like Go CDK's
 * {@code driver.Subscription}: the portable {@link io.ysh.queue.Subscription} tracks message
 * state, dead-letters after too many attempts (unless {@link QueueCapabilities#nativeDeadLetter()}),
 * runs push handlers with bounded concurrency, retries idempotent calls, maps errors and records
 * telemetry.
 *
 * <p>Contract: a received message stays invisible to other consumers until it is acked, nacked,
 * or its ack deadline passes (or the consumer's connection dies, for connection-based providers);
 * then it is delivered again with a higher {@link DriverMessage#deliveryAttempt()}. A message is
 * removed only by {@link #ack}. Implementations must be thread-safe.
 */
public interface SubscriptionDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry.
   *
   * @return the name
   */
  String provider();

  /**
   * The subscription's name (queue, stream/group) for errors and telemetry.
   *
   * @return the name
   */
  String name();

  /**
   * The driver's features. Must be constant for the driver's lifetime.
   *
   * @return the capabilities
   */
  QueueCapabilities capabilities();

  /**
   * Receives up to {@code max} messages, waiting up to {@code wait} for the first one.
   *
   * @param max at least 1; never more than the portable layer's in-flight room
   * @param wait how long to wait when nothing is available; zero means do not wait
   * @return the messages, possibly empty (never null)
   * @throws Exception whatever the provider's client throws
   */
  List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception;

  /**
   * Acknowledges deliveries: the messages are removed. Acking a handle twice, or a handle
   * whose deadline passed, must not fail.
   *
   * @param ackIds handles from {@link DriverMessage#ackId()}
   * @throws Exception whatever the provider's client throws
   */
  void ack(List<String> ackIds) throws Exception;

  /**
   * Gives deliveries back: each message is delivered again no sooner than {@code delay} from
   * now (best effort, at most {@link QueueCapabilities#maxNackDelay()}), with its delivery attempt
   * increased.
   *
   * @param ackIds handles from {@link DriverMessage#ackId()}
   * @param delay the redelivery delay; zero for as soon as possible
   * @throws Exception whatever the provider's client throws
   */
  void nack(List<String> ackIds, Duration delay) throws Exception;

  /**
   * Keeps a delivery invisible for {@code extension} from now. Only called when
   * {@link QueueCapabilities#extendDeadline()} is true.
   *
   * @param ackId the handle
   * @param extension how long from now
   * @throws Exception whatever the provider's client throws
   */
  void extendDeadline(String ackId, Duration extension) throws Exception;

  /**
   * Moves deliveries to the dead-letter destination: publishes each (body, attributes,
   * ordering key) there, then acks the original. Called by the portable layer for messages
   * whose delivery attempt exceeds the configured maximum.
   *
   * @param messages the deliveries
   * @throws Exception whatever the provider's client throws; an {@code INVALID_ARGUMENT}
   *     {@link io.ysh.core.YshException} when no dead-letter destination is configured
   */
  void deadLetter(List<DriverMessage> messages) throws Exception;

  /**
   * Maps this provider's exceptions; must fall back to {@link io.ysh.core.Errors#classify}.
   *
   * @return the mapper
   */
  ErrorMapper errorMapper();

  /**
   * Exposes the native client.
   *
   * @param <T> the requested type
   * @param type the native type
   * @return the native object, or empty
   */
  <T> Optional<T> unwrap(Class<T> type);

  /**
   * Releases the driver's resources. Deliveries not acked become visible again (immediately for
   * connection-based providers, after their deadline otherwise).
   *
   * Must not throw: failures are logged by the driver.
   */
  @Override
  void close();
}
