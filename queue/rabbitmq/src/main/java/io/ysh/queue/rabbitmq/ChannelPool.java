package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirm-mode channels for publishing to a queue through the default exchange; a channel is used
 * by one thread at a time.
 *
 * <p>Every publish is {@code mandatory}: without it, a message for a queue that does not exist
 * (deleted after the driver declared it, or expired) is dropped by the broker and still
 * confirmed, so the caller would count a lost message as sent. The broker returns such a message
 * before it confirms it, so once the confirms are in, the returns of the round are known.
 */
final class ChannelPool {

  private final Connection connection;
  private final BlockingQueue<Publisher> idle;

  ChannelPool(Connection connection, int size) {
    this.connection = connection;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  Publisher borrow() throws IOException {
    Publisher p;
    while ((p = idle.poll()) != null) {
      if (p.channel.isOpen()) {
        p.returned.set(0);
        return p;
      }
    }
    Channel c = connection.createChannel();
    if (c == null) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).detail("RabbitMQ has no free channel").build();
    }
    c.confirmSelect();
    return new Publisher(c);
  }

  void giveBack(Publisher p) {
    if (p.channel.isOpen() && !idle.offer(p)) {
      try {
        p.channel.close();
      } catch (Exception ignored) {
        // closing a surplus channel
      }
    }
  }

  /** One pooled channel and the count of messages the broker returned on it in this round. */
  static final class Publisher {
    private final Channel channel;
    private final AtomicInteger returned = new AtomicInteger();

    private Publisher(Channel channel) {
      this.channel = channel;
      // Called on the connection's thread, in frame order: a return precedes its message's confirm.
      channel.addReturnListener(r -> returned.incrementAndGet());
    }

    /** The channel, for declarations and bindings. */
    Channel channel() {
      return channel;
    }

    /** Publishes to {@code queue} through the default exchange, mandatory. */
    void publish(String queue, AMQP.BasicProperties props, byte[] body) throws IOException {
      channel.basicPublish("", queue, true, props, body);
    }

    /**
     * Waits until the broker confirmed every message published since the channel was borrowed;
     * fails when one was nacked or not confirmed in time (the channel is then closed), or with
     * {@code NOT_FOUND} when the broker returned any of them as unroutable: {@code queue} does not
     * exist, and those messages were not enqueued.
     */
    void confirm(long timeoutMs, String queue, int published)
        throws IOException, InterruptedException, TimeoutException {
      channel.waitForConfirmsOrDie(timeoutMs);
      int n = returned.getAndSet(0);
      if (n > 0) {
        throw YshException.builder(ErrorCode.NOT_FOUND)
            .resource(queue)
            .detail("RabbitMQ returned " + n + " of " + published + " messages as unroutable: the queue does not"
                + " exist (deleted or expired after it was declared); they were not enqueued")
            .build();
      }
    }
  }
}
