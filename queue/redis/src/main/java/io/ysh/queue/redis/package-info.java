/**
 * The Redis Streams queue driver ({@code redis-stream://}): XADD to publish, consumer groups with
 * XREADGROUP, XACK, XAUTOCLAIM for redelivery after the ack deadline, XCLAIM with IDLE for nack
 * delays and deadline extension, and a dead-letter stream.
 */
package io.ysh.queue.redis;
