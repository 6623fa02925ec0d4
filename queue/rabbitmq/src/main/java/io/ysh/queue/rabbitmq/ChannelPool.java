package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Confirm-mode channels for publishing; a channel is used by one thread at a time. */
final class ChannelPool {

  private final Connection connection;
  private final BlockingQueue<Channel> idle;

  ChannelPool(Connection connection, int size) {
    this.connection = connection;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  Channel borrow() throws IOException {
    Channel c;
    while ((c = idle.poll()) != null) {
      if (c.isOpen()) {
        return c;
      }
    }
    c = connection.createChannel();
    c.confirmSelect();
    return c;
  }

  void giveBack(Channel c) {
    if (c.isOpen() && !idle.offer(c)) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a surplus channel
      }
    }
  }
}
