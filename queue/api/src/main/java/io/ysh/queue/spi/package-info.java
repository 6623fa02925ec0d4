/**
 * The queue driver SPI: {@link io.ysh.queue.spi.QueueDriverProvider} opens batch-oriented
 * {@link io.ysh.queue.spi.TopicDriver}s and {@link io.ysh.queue.spi.SubscriptionDriver}s; the
 * portable types in {@code io.ysh.queue} do validation, batching, retries, dead-lettering, push
 * concurrency, error mapping and telemetry once for every driver.
 */
package io.ysh.queue.spi;
