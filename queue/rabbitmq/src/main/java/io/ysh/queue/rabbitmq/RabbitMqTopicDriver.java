package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Publishes to a queue through the default exchange, one confirm round per batch. */
final class RabbitMqTopicDriver implements TopicDriver {

  private final RabbitMqQueueProvider.Settings settings;
  private final Connection connection;
  private final ChannelPool channels;

  RabbitMqTopicDriver(RabbitMqQueueProvider.Settings settings, Connection connection) throws Exception {
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

  static void declare(Connection connection, RabbitMqQueueProvider.Settings s) throws Exception {
    Channel c = connection.createChannel();
    try {
      if (s.declare) {
        c.queueDeclare(s.queue, true, false, false, null);
        c.queueDeclare(s.retryQueue(), true, false, false,
            Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", s.queue));
      } else {
        c.queueDeclarePassive(s.queue);
      }
    } finally {
      if (c.isOpen()) {
        c.close();
      }
    }
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
        AMQP.BasicProperties props = RabbitMqCodec.properties(m, id, 0, null);
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
