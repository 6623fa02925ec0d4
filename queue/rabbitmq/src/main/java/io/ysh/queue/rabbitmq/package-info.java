/**
 * The RabbitMQ queue driver ({@code rabbitmq://}): publisher confirms, consumers with prefetch,
 * delayed nack through a retry queue with per-message TTL, and a dead-letter queue.
 */
package io.ysh.queue.rabbitmq;
