package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.DriverMessage;
import io.ysh.queue.spi.SubscriptionDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes a queue with a prefetching consumer. A nack republishes the message (with its nack count
 * in a header) to the {@code .retry} queue with a per-message TTL, whose dead-letter target is the
 * original queue, and then acks the original: the message returns after the delay. Delivery attempt
 * = nacks recorded in the header + 1, plus 1 when the broker flags a redelivery (consumer died).
 */
final class RabbitMqSubscriptionDriver implements SubscriptionDriver {

  private record Delivery(Envelope envelope, AMQP.BasicProperties props, byte[] body, long epoch) {}

  private final RabbitMqQueueProvider.Settings settings;
  private final Connection connection;
  private final Channel consumeChannel;
  private final ChannelPool publishers;
  private final LinkedBlockingQueue<Delivery> buffer = new LinkedBlockingQueue<>();
  private final Map<String, Delivery> outstanding = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private volatile boolean cancelled;
  private volatile boolean dlqDeclared;

  RabbitMqSubscriptionDriver(RabbitMqQueueProvider.Settings settings, Connection connection) throws Exception {
    this.settings = settings;
    this.connection = connection;
    this.publishers = new ChannelPool(connection, 4);
    try {
      RabbitMqTopicDriver.declare(connection, settings);
      if (!settings.declare) {
        // the retry queue must exist too for delayed nacks
        Channel c = connection.createChannel();
        try {
          c.queueDeclarePassive(settings.retryQueue());
        } finally {
          if (c.isOpen()) {
            c.close();
          }
        }
      }
      consumeChannel = connection.createChannel();
      consumeChannel.basicQos(settings.prefetch);
      consumeChannel.basicConsume(
          settings.queue,
          false,
          "ysh-" + settings.queue + "-" + System.identityHashCode(this),
          new DefaultConsumer(consumeChannel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
              buffer.add(new Delivery(envelope, props, body, epoch.get()));
            }

            @Override
            public void handleCancel(String consumerTag) {
              cancelled = true;
            }
          });
      if (connection instanceof Recoverable r) {
        r.addRecoveryListener(
            new RecoveryListener() {
              @Override
              public void handleRecovery(Recoverable recoverable) {}

              @Override
              public void handleRecoveryStarted(Recoverable recoverable) {
                epoch.incrementAndGet();
                buffer.clear();
                outstanding.clear();
              }
            });
      }
    } catch (Exception e) {
      connection.abort();
      throw e;
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
  public List<DriverMessage> receiveBatch(int max, Duration wait) throws Exception {
    if (cancelled) {
      throw YshException.builder(ErrorCode.NOT_FOUND).detail("the broker cancelled the consumer (queue deleted?)").build();
    }
    List<DriverMessage> out = new ArrayList<>();
    Delivery first = buffer.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (first == null) {
      return out;
    }
    List<Delivery> got = new ArrayList<>();
    got.add(first);
    buffer.drainTo(got, max - 1);
    long current = epoch.get();
    for (Delivery d : got) {
      if (d.epoch() != current) {
        continue; // from a channel lost to recovery: the broker redelivers it
      }
      String ackId = d.epoch() + ":" + d.envelope().getDeliveryTag();
      outstanding.put(ackId, d);
      int attempt = RabbitMqCodec.nacks(d.props()) + (d.envelope().isRedeliver() ? 1 : 0) + 1;
      String id = d.props().getMessageId() != null ? d.props().getMessageId() : ackId;
      out.add(new DriverMessage(id, ackId, RabbitMqCodec.decode(d.props(), d.body()), attempt));
    }
    return out;
  }

  @Override
  public void ack(List<String> ackIds) throws Exception {
    for (String ackId : ackIds) {
      Delivery d = outstanding.remove(ackId);
      if (d != null && d.epoch() == epoch.get()) {
        synchronized (consumeChannel) {
          consumeChannel.basicAck(d.envelope().getDeliveryTag(), false);
        }
      }
    }
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) throws Exception {
    List<Delivery> ds = new ArrayList<>();
    for (String ackId : ackIds) {
      Delivery d = outstanding.get(ackId);
      if (d != null) {
        ds.add(d);
      }
    }
    if (ds.isEmpty()) {
      return;
    }
    long ms = delay.toMillis();
    Channel c = publishers.borrow();
    try {
      for (Delivery d : ds) {
        int attempt = RabbitMqCodec.nacks(d.props()) + (d.envelope().isRedeliver() ? 1 : 0) + 1;
        AMQP.BasicProperties props =
            RabbitMqCodec.properties(RabbitMqCodec.decode(d.props(), d.body()), d.props().getMessageId(), attempt, ms > 0 ? ms : null);
        c.basicPublish("", ms > 0 ? settings.retryQueue() : settings.queue, props, d.body());
      }
      c.waitForConfirmsOrDie(settings.confirmTimeoutMs);
    } finally {
      publishers.giveBack(c);
    }
    ack(ackIds); // only after the copies were confirmed: at-least-once
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    // RabbitMQ deliveries have no deadline: they stay with this consumer until acked or its channel closes.
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) throws Exception {
    Channel c = publishers.borrow();
    try {
      if (!dlqDeclared) {
        c.queueDeclare(settings.deadLetter, true, false, false, null);
        dlqDeclared = true;
      }
      for (DriverMessage m : messages) {
        c.basicPublish("", settings.deadLetter, RabbitMqCodec.properties(m.message(), m.id(), 0, null), m.message().body());
      }
      c.waitForConfirmsOrDie(settings.confirmTimeoutMs);
    } finally {
      publishers.giveBack(c);
    }
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  @Override
  public ErrorMapper errorMapper() {
    return RabbitMqErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(connection)) {
      return Optional.of(type.cast(connection));
    }
    return type.isInstance(consumeChannel) ? Optional.of(type.cast(consumeChannel)) : Optional.empty();
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
