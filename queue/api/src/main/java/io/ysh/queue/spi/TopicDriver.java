package io.ysh.queue.spi;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import java.util.List;
import java.util.Optional;

/**
 * What a provider implements to publish. Batch-oriented, like Go CDK's {@code driver.Topic}: the
 * portable {@link io.ysh.queue.Topic} validates messages, splits lists into batches within
 * {@link #capabilities()}, retries, maps errors and records telemetry, so a driver only sends.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TopicDriver extends AutoCloseable {

  /**
   * The provider's name for errors and telemetry, such as {@code rabbitmq}.
   *
   * @return the name
   */
  String provider();

  /**
   * The destination's name (queue, topic, stream) for errors and telemetry.
   *
   * @return the name
   */
  String name();

  /**
   * The driver's limits and features. Must be constant for the driver's lifetime.
   *
   * @return the capabilities
   */
  QueueCapabilities capabilities();

  /**
   * Sends one batch. The portable layer guarantees the batch is non-empty, within
   * {@link QueueCapabilities#maxBatchMessages()} and {@link QueueCapabilities#maxBatchBytes()},
   * and that each message passed validation (size, attributes, ordering key and deduplication id
   * only when claimed).
   *
   * <p>Must return only once the provider has durably accepted every message (publisher
   * confirms, acknowledged produce); must throw if any message was not accepted (some may have
   * been: publishing is at-least-once).
   *
   * @param batch the messages
   * @return the provider's message ids, in the order of {@code batch}
   * @throws Exception whatever the provider's client throws; {@link #errorMapper()} maps it
   */
  List<String> sendBatch(List<Message> batch) throws Exception;

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
   * @param type the native type, such as {@code com.rabbitmq.client.Connection}
   * @return the native object, or empty when this driver has none of that type
   */
  <T> Optional<T> unwrap(Class<T> type);

  /**
   * Releases the driver's resources. Called once, by the portable layer, after every pending
   * {@link #sendBatch} returned.
   *
   * Must not throw: failures are logged by the driver.
   */
  @Override
  void close();
}
