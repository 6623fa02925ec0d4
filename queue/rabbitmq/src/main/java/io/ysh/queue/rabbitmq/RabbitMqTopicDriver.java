package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.queue.Message;
import io.ysh.queue.QueueCapabilities;
import io.ysh.queue.spi.TopicDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to a queue through the default exchange, one confirm round per batch; a batch whose
 * queue no longer exists fails with {@code NOT_FOUND} instead of being dropped (see
 * {@link ChannelPool}).
 */
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
    ChannelPool.Publisher p = channels.borrow();
    try {
      for (Message m : batch) {
        String id = UUID.randomUUID().toString();
        AMQP.BasicProperties props = RabbitMqCodec.properties(m, id, 0, null, null);
        p.publish(settings.queue, props, m.body());
        ids.add(id);
      }
      p.confirm(settings.confirmTimeoutMs, settings.queue, batch.size());
      return ids;
    } finally {
      channels.giveBack(p);
    }
  }

  /** The connection is open and a passive declare of the queue succeeds, within {@code timeout}. */
  @Override
  public void ping(Duration timeout) throws Exception {
    ping(connection, settings.queue, timeout);
  }

  /**
   * The cheapest real check: the connection is open (not closed, not recovering), then a passive
   * declare of {@code queue} on a new channel answers (404 is {@code NOT_FOUND}, 403
   * {@code PERMISSION_DENIED}). The channel RPCs wait up to the client's RPC timeout (minutes), so
   * they run on a short-lived daemon thread and the caller waits at most {@code timeout}; then the
   * channel is aborted.
   */
  static void ping(Connection connection, String queue, Duration timeout) throws Exception {
    if (!connection.isOpen()) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).retryable(true)
          .detail("the RabbitMQ connection is closed or recovering").build();
    }
    java.util.concurrent.atomic.AtomicReference<Channel> opened = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        Channel c = connection.createChannel();
        if (c == null) {
          throw YshException.builder(ErrorCode.UNAVAILABLE).detail("RabbitMQ has no free channel").build();
        }
        opened.set(c);
        c.queueDeclarePassive(queue);
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      } finally {
        Channel c = opened.get();
        if (c != null && c.isOpen()) {
          try {
            c.abort();
          } catch (Exception ignored) {
            // the channel goes with the check
          }
        }
      }
    }, "ysh-rabbitmq-ping");
    t.setDaemon(true);
    t.start();
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    } catch (java.util.concurrent.TimeoutException e) {
      t.interrupt();
      throw e;
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
