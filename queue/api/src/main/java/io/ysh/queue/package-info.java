/**
 * Portable message queues: {@link io.ysh.queue.Topic} publishes, {@link io.ysh.queue.Subscription}
 * consumes at least once by pull or push, with ack/nack, backoff, dead-lettering and graceful
 * drain. Drivers (memory, SQS, Azure Queue Storage, Pub/Sub, RabbitMQ, Kafka, Redis Streams) are
 * found by URL scheme; see {@link io.ysh.queue.spi}.
 */
package io.ysh.queue;
