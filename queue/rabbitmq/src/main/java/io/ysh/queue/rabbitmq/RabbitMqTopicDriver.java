package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes to a queue through the default exchange, one confirm round per batch. */
final class RabbitMqTopicDriver implements TopicDriver {

  private static final Logger LOG = LoggerFactory.getLogger(RabbitMqTopicDriver.class);

  private final RabbitMqQueueDriverProvider.Settings settings;
  private final Connection connection;
  private final ChannelPool channels;

  RabbitMqTopicDriver(RabbitMqQueueDriverProvider.Settings settings, Connection connection) throws Exception {
    this.settings = settings;
    this.connection = connection;
    this.channels = new ChannelPool(connection, 8);
    try {
      declare(connection, settings);
    } catch (Exception e) {
      connection.abort();
      throw e;
    }
  }

  /**
   * Declares (or, with {@code declare=false}, checks) the queue. A declared queue dead-letters into
   * the fanout exchange {@code <queue>.dlx}; its arguments do not depend on the {@code deadLetter}
   * name, so topics and subscriptions with different URLs declare it identically.
   *
   * @return whether the queue has that dead-letter exchange; false for {@code declare=false} and for
   *     a queue that already existed with other arguments (declared by hand or by an older SDK),
   *     which is then used as it is
   */
  static boolean declare(Connection connection, RabbitMqQueueDriverProvider.Settings s) throws Exception {
    if (s.declare) {
      return declareQueue(connection, s.queue);
    }
    Channel c = connection.createChannel();
    try {
      c.queueDeclarePassive(s.queue);
      return false;
    } finally {
      if (c.isOpen()) {
        c.close();
      }
    }
  }

  /**
   * Declares a durable queue dead-lettering into the fanout exchange {@code <queue>.dlx}, as the
   * driver declares every queue (dead-letter queues included); a queue that exists with other
   * arguments is used as it is.
   *
   * @return whether the queue has that dead-letter exchange
   */
  static boolean declareQueue(Connection connection, String queue) throws Exception {
    Channel c = connection.createChannel();
    try {
      String dlx = RabbitMqQueueDriverProvider.Settings.deadLetterExchange(queue);
      c.exchangeDeclare(dlx, BuiltinExchangeType.FANOUT, true);
      try {
        c.queueDeclare(queue, true, false, false, Map.of("x-dead-letter-exchange", dlx));
        return true;
      } catch (IOException e) {
        if (replyCode(e) != 406) {
          throw e;
        }
        LOG.info("RabbitMQ queue {} exists with other arguments; using it as it is (dead letters are copied, not moved by the broker)", queue);
        c = connection.createChannel(); // the 406 closed the previous one
        c.queueDeclarePassive(queue);
        return false;
      }
    } finally {
      if (c.isOpen()) {
        c.close();
      }
    }
  }

  static int replyCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException sse && sse.getReason() instanceof AMQP.Channel.Close close) {
        return close.getReplyCode();
      }
    }
    return 0;
  }

  @Override
  public String provider() {
    return "rabbitmq";
  }

  @Override
  public String name() {
    return settings.queue;
  }

  @Override
  public QueueCapabilities capabilities() {
    return RabbitMqCodec.CAPS;
  }

  @Override
  public List<String> sendBatch(List<Message> batch) throws Exception {
    List<String> ids = new ArrayList<>(batch.size());
    Channel c = channels.borrow();
    try {
      for (Message m : batch) {
        String id = UUID.randomUUID().toString();
        AMQP.BasicProperties props = RabbitMqCodec.properties(m, id, 0, null, null);
        c.basicPublish("", settings.queue, props, m.body());
        ids.add(id);
      }
      c.waitForConfirmsOrDie(settings.confirmTimeoutMs);
      return ids;
    } finally {
      channels.giveBack(c);
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return RabbitMqErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(connection) ? Optional.of(type.cast(connection)) : Optional.empty();
  }

  @Override
  public void close() {
    try {
      connection.close(5_000);
    } catch (Exception e) {
      connection.abort();
    }
  }
}
