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
 * Consumes a queue with a prefetching consumer. A nack with a delay republishes the message (with
 * its attempt count in a header) to a retry queue whose dead-letter target is the original queue,
 * and then acks the original: the message returns when its TTL expires. With {@code declare=true}
 * there is one retry queue per delay (rounded up to two significant digits), with a queue-wide TTL
 * and {@code x-expires}, so messages leave each in publish order and a long delay never holds back a
 * short one; with {@code declare=false} the user's {@code .retry} queue gets per-message TTLs.
 * Delivery attempt: see {@link RabbitMqCodec#attempt}. Dead letters: rejected without requeue, so
 * the broker moves them through the queue's dead-letter exchange (atomically, headers and body
 * intact), when the driver declared the queue; otherwise copied with confirms, then acked.
 */
final class RabbitMqSubscriptionDriver implements SubscriptionDriver {

  private static final long RETRY_LEASE_RENEWAL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private record Delivery(Envelope envelope, AMQP.BasicProperties props, byte[] body, long epoch) {}

  private final RabbitMqQueueDriverProvider.Settings settings;
  private final Connection connection;
  private final Channel consumeChannel;
  private final ChannelPool publishers;
  private final LinkedBlockingQueue<Delivery> buffer = new LinkedBlockingQueue<>();
  private final Map<String, Delivery> outstanding = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final Map<Long, Long> retryDeclaredAt = new ConcurrentHashMap<>();
  /** Whether the queue has the driver's dead-letter exchange, so the broker moves dead letters. */
  private final boolean brokerDeadLetters;
  private volatile boolean cancelled;
  private volatile boolean dlqDeclared;

  RabbitMqSubscriptionDriver(RabbitMqQueueDriverProvider.Settings settings, Connection connection) throws Exception {
    this.settings = settings;
    this.connection = connection;
    this.publishers = new ChannelPool(connection, 4);
    try {
      brokerDeadLetters = RabbitMqTopicDriver.declare(connection, settings);
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
      // Deliveries of a channel that died can no longer be acked, and the broker gives them to the
      // next consumer: drop them as soon as the channel shuts down, not when recovery starts (one
      // recovery interval later), so that handlers do not process messages that come back anyway.
      consumeChannel.addShutdownListener(cause -> forgetDeliveries());
      if (connection instanceof Recoverable r) {
        r.addRecoveryListener(
            new RecoveryListener() {
              @Override
              public void handleRecovery(Recoverable recoverable) {}

              @Override
              public void handleRecoveryStarted(Recoverable recoverable) {
                forgetDeliveries();
              }
            });
      }
    } catch (Exception e) {
      connection.abort();
      throw e;
    }
  }

  /** Starts a new epoch: buffered and handed-out deliveries of the old channel are stale. */
  private void forgetDeliveries() {
    epoch.incrementAndGet();
    buffer.clear();
    outstanding.clear();
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
      int attempt = RabbitMqCodec.attempt(d.props(), d.envelope().isRedeliver(), settings.queue);
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
    ChannelPool.Publisher p = publishers.borrow();
    try {
      String target = settings.queue;
      Long expiration = null;
      if (ms > 0 && settings.declare) {
        target = retryQueue(p.channel(), bucket(ms));
      } else if (ms > 0) {
        target = settings.retryQueue();
        expiration = ms;
      }
      for (Delivery d : ds) {
        int attempt = RabbitMqCodec.attempt(d.props(), d.envelope().isRedeliver(), settings.queue);
        AMQP.BasicProperties props =
            RabbitMqCodec.properties(RabbitMqCodec.decode(d.props(), d.body()), d.props().getMessageId(), attempt, settings.queue, expiration);
        p.publish(target, props, d.body());
      }
      p.confirm(settings.confirmTimeoutMs, target, ds.size());
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND && ms > 0) {
        retryDeclaredAt.remove(bucket(ms)); // the retry queue expired or was deleted: declare it again
      }
      throw e;
    } finally {
      publishers.giveBack(p);
    }
    ack(ackIds); // only after the copies were confirmed and none was returned unroutable: at-least-once
  }

  /** Rounds a delay up to two significant digits (at most 10% more), so few retry queues exist. */
  static long bucket(long ms) {
    long scale = 1;
    while (ms / scale >= 100) {
      scale *= 10;
    }
    return (ms + scale - 1) / scale * scale;
  }

  /**
   * Declares the retry queue for a delay unless done recently. It deletes itself after
   * {@code x-expires} unused (2 × delay + 60 s); a publish (which does not count as use) follows a
   * declaration by at most 30 s, so a message always leaves before its queue can expire.
   */
  private String retryQueue(Channel c, long delayMs) throws Exception {
    String name = settings.retryQueue(delayMs);
    long now = System.nanoTime();
    Long at = retryDeclaredAt.get(delayMs);
    if (at == null || now - at > RETRY_LEASE_RENEWAL_NANOS) {
      c.queueDeclare(name, true, false, false, Map.of(
          "x-message-ttl", (int) delayMs,
          "x-expires", (int) (2 * delayMs + 60_000),
          "x-dead-letter-exchange", "",
          "x-dead-letter-routing-key", settings.queue));
      retryDeclaredAt.put(delayMs, now);
    }
    return name;
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    // RabbitMQ deliveries have no deadline: they stay with this consumer until acked or its channel closes.
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) throws Exception {
    if (brokerDeadLetters) {
      bindDeadLetterQueue();
      for (DriverMessage m : messages) {
        Delivery d = outstanding.remove(m.ackId());
        if (d != null && d.epoch() == epoch.get()) {
          synchronized (consumeChannel) {
            consumeChannel.basicReject(d.envelope().getDeliveryTag(), false);
          }
        }
      }
      return;
    }
    if (!dlqDeclared) {
      RabbitMqTopicDriver.declareQueue(connection, settings.deadLetter);
      dlqDeclared = true;
    }
    ChannelPool.Publisher p = publishers.borrow();
    try {
      for (DriverMessage m : messages) {
        p.publish(settings.deadLetter, RabbitMqCodec.properties(m.message(), m.id(), 0, null, null), m.message().body());
      }
      p.confirm(settings.confirmTimeoutMs, settings.deadLetter, messages.size());
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        dlqDeclared = false; // deleted behind our back: declare it again on the next attempt
      }
      throw e;
    } finally {
      publishers.giveBack(p);
    }
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  /** Declares the dead-letter queue and binds it to the queue's dead-letter exchange, before the first reject. */
  private void bindDeadLetterQueue() throws Exception {
    if (dlqDeclared) {
      return;
    }
    RabbitMqTopicDriver.declareQueue(connection, settings.deadLetter);
    ChannelPool.Publisher p = publishers.borrow();
    try {
      p.channel().queueBind(settings.deadLetter, settings.deadLetterExchange(), "");
      dlqDeclared = true;
    } finally {
      publishers.giveBack(p);
    }
  }

  /**
   * The connection and the consuming channel are open and a passive declare of the queue
   * succeeds, within {@code timeout}.
   */
  @Override
  public void ping(Duration timeout) throws Exception {
    if (connection.isOpen() && !consumeChannel.isOpen()) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).retryable(true)
          .detail("the RabbitMQ consumer channel is closed").build();
    }
    RabbitMqTopicDriver.ping(connection, settings.queue, timeout);
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
