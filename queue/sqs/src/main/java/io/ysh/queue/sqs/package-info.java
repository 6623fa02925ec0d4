/**
 * The Amazon SQS queue driver ({@code sqs://}): SendMessageBatch in tens, long-poll receive,
 * visibility changes for nack delays and deadline extension, FIFO message groups and
 * deduplication for {@code .fifo} queues, portable dead-lettering.
 */
package io.ysh.queue.sqs;
