package io.ysh.queue.spi;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.util.List;
import java.util.Optional;

/**
 * What a provider implements to publish. Batch-oriented, like Go CDK's {@code driver.Topic}: the
 * portable {@link io.ysh.queue.Topic} validates every message against {@link #capabilities()},
 * splits lists into batches within its limits, gathers asynchronous publishes, retries (only
 * batches whose every message carries a deduplication id the provider honours), maps errors and
 * records telemetry. A driver only sends: it neither validates again nor retries by itself.
 *
 * <p>Implementations must be thread-safe: the portable layer may call {@link #sendBatch} from
 * several threads at once.
 */
public interface TopicDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry, such as {@code rabbitmq}. Constant.
   *
   * @return the name, non-null
   */
  String provider();

  /**
   * The destination's name (queue, topic, stream) for errors and telemetry. Constant.
   *
   * @return the name, non-null
   */
  String name();

  /**
   * The provider's limits and features, which the portable layer enforces before calling
   * {@link #sendBatch}. Constant for the driver's lifetime; the conformance suite checks each
   * claim both ways.
   *
   * @return the capabilities, non-null
   */
  QueueCapabilities capabilities();

  /**
   * Sends one batch. The portable layer guarantees that the batch is non-empty, holds at most
   * {@link QueueCapabilities#maxBatchMessages()} messages of at most
   * {@link QueueCapabilities#maxBatchBytes()} in total ({@link Message#encodedSize()}), and that
   * every message passed the capability checks (size, attribute count, names and values, reserved
   * prefixes, ordering key and deduplication id only where claimed).
   *
   * <p>Must return only once the provider has durably accepted every message (publisher confirms,
   * acknowledged produce); must throw if any message was not accepted (some may have been:
   * publishing is at-least-once). Must not retry on its own: the provider client's retries are
   * turned off, the portable layer decides.
   *
   * @param batch the messages, in publish order
   * @return the provider's message ids, non-null, one per message in the order of {@code batch}
   * @throws Exception whatever the provider's client throws; {@link #errorMapper()} maps it
   */
  List<String> sendBatch(List<Message> batch) throws Exception;

  /**
   * Maps this provider's exceptions; must fall back to {@link io.ysh.core.Errors#classify}.
   *
   * @return the mapper, non-null
   */
  ErrorMapper errorMapper();

  /**
   * Checks, with the provider's cheapest real call, that the broker answers and, where
   * the call tells, that the destination exists, without publishing anything (RabbitMQ: a passive declare; Redis: {@code PING}; SQS:
   * {@code GetQueueAttributes}). Must return or throw within about
   * {@code timeout}. Called by {@link io.ysh.queue.Topic#ping}, which maps what it throws with
   * {@link #errorMapper()} and never retries it.
   *
   * <p>The default throws an {@code UNSUPPORTED} {@link io.ysh.core.YshException}: a driver
   * written before this method existed has no check, and says so rather than claiming the broker
   * is reachable.
   *
   * @param timeout how long the check may take, positive
   * @throws Exception whatever the provider's client throws ({@code NOT_FOUND} for a missing
   *     destination, {@code UNAVAILABLE} for an unreachable broker once mapped)
   */
  default void ping(java.time.Duration timeout) throws Exception {
    throw io.ysh.core.YshException.builder(io.ysh.core.ErrorCode.UNSUPPORTED)
        .operation("queue.ping")
        .provider(provider())
        .detail("the " + provider() + " topic driver has no reachability check")
        .build();
  }

  /**
   * A native object this driver holds, for what the portable API does not cover. The portable
   * {@link io.ysh.queue.Topic#unwrap} answers for the driver itself before asking.
   *
   * @param <T> the requested type
   * @param type the native type, such as {@code com.rabbitmq.client.Connection}; non-null
   * @return the native object, or empty when this driver has none of that type (the default)
   */
  default <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }

  /**
   * Releases the driver's resources. Called once, by the portable layer, after every pending
   * {@link #sendBatch} returned. Must not throw: failures are logged by the driver.
   */
  @Override
  void close();
}
