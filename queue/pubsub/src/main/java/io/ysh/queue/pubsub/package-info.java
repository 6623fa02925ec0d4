/**
 * The Google Cloud Pub/Sub driver ({@code gcppubsub://}): publishing through the client
 * library's {@code Publisher} in batches of up to 1,000 messages or 10 MB with ordering keys,
 * consuming with synchronous Pull, ack-deadline changes for nack delays and deadline extension,
 * portable dead-lettering, and the emulator for tests. Open it by URL
 * ({@link io.ysh.queue.Topic#open}) or build the driver with
 * {@link io.ysh.queue.pubsub.PubSubQueues#builder()} and pass it to
 * {@link io.ysh.queue.Topic#builder(io.ysh.queue.spi.TopicDriver)}.
 */
package io.ysh.queue.pubsub;
