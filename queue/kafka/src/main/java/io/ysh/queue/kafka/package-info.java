/**
 * The Apache Kafka queue driver ({@code kafka://}): an idempotent {@code acks=all} producer for
 * {@link io.ysh.queue.Topic}, a consumer group for {@link io.ysh.queue.Subscription} that commits
 * only the contiguous acked prefix of each partition, in-memory delayed redelivery for nacks, attempt
 * counts carried in the commit metadata, and a portable dead-letter topic. Programmatic
 * configuration (client properties, secrets) goes through {@link KafkaQueues#builder()}, whose drivers the
 * portable types take.
 */
package io.ysh.queue.kafka;
