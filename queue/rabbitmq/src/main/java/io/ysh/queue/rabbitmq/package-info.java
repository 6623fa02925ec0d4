/**
 * The RabbitMQ queue driver ({@code rabbitmq://}): publisher confirms, consumers with prefetch,
 * delayed nack through per-delay retry queues with TTL, and dead letters moved by the broker through
 * the queue's dead-letter exchange.
 */
package io.ysh.queue.rabbitmq;
