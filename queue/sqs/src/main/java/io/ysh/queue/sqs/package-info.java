/**
 * The Amazon SQS queue driver ({@code sqs://}): SendMessageBatch in tens, long-poll receive,
 * visibility changes for nack delays and deadline extension, FIFO message groups and
 * deduplication for {@code .fifo} queues, native dead-lettering through the queue's RedrivePolicy
 * (portable where the queue has none and the SDK may not give it one).
 */
package io.ysh.queue.sqs;
