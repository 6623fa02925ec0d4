package io.ysh.queue.azure;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import com.azure.storage.queue.models.UpdateMessageResult;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Polls a queue (Azure Queue Storage has no long polling: empty answers are retried with a short,
 * growing pause until the wait is over). Ack deletes with the latest pop receipt; nack and
 * extendDeadline update the visibility timeout (each update issues a new pop receipt, tracked
 * here); the delivery attempt is the dequeue count. A batch of acks is deleted 8 requests at a
 * time (the service has no batch delete).
 */
final class AzureQueueSubscriptionDriver implements SubscriptionDriver {

  private static final int ACK_CONCURRENCY = 8;

  private final AzureQueueDriverProvider.Settings settings;
  private final QueueClient queue;
  private final Map<String, String> receipts = new ConcurrentHashMap<>();
  private volatile QueueClient deadLetterQueue;
  private final ExecutorService ackPool;

  AzureQueueSubscriptionDriver(AzureQueueDriverProvider.Settings settings, QueueClient queue) {
    this.settings = settings;
    this.queue = queue;
    ensure(queue, settings.create);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(ACK_CONCURRENCY, ACK_CONCURRENCY, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "ysh-azqueue-ack-" + settings.queue);
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    this.ackPool = pool;
  }

  static void ensure(QueueClient queue, boolean create) {
    if (create) {
      queue.createIfNotExists();
    } else {
      queue.getProperties();
    }
  }

  @Override
  public String provider() {
    return "azqueue";
  }

  @Override
  public String name() {
    return settings.queue;
  }

  @Override
  public QueueCapabilities capabilities() {
    return AzureEnvelope.CAPS;
  }

  @Override
  public List<DriverMessage> receiveBatch(int max, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    long pause = 50;
    while (true) {
      List<DriverMessage> out = new ArrayList<>();
      for (QueueMessageItem m : queue.receiveMessages(Math.min(32, max), settings.visibility, null, null)) {
        String ackId = m.getMessageId() + "\n" + m.getPopReceipt();
        receipts.put(m.getMessageId(), m.getPopReceipt());
        out.add(new DriverMessage(m.getMessageId(), ackId, AzureEnvelope.decode(m.getBody().toString()), (int) Math.max(1, m.getDequeueCount())));
      }
      long remainingMs = (end - System.nanoTime()) / 1_000_000;
      if (!out.isEmpty() || remainingMs <= 0) {
        return out;
      }
      Thread.sleep(Math.min(pause, remainingMs));
      pause = Math.min(500, pause * 2);
    }
  }

  private String messageId(String ackId) {
    return ackId.substring(0, ackId.indexOf('\n'));
  }

  private String receipt(String ackId) {
    String current = receipts.get(messageId(ackId));
    return current != null ? current : ackId.substring(ackId.indexOf('\n') + 1);
  }

  @Override
  public void ack(List<String> ackIds) throws Exception {
    if (ackIds.size() == 1) {
      delete(ackIds.get(0));
      return;
    }
    // Azure Queue Storage has no batch delete: one request per message, several at once, so a
    // batch of acks is sent well within the visibility timeout of the messages it covers.
    List<Future<?>> pending = new ArrayList<>(ackIds.size());
    for (String ackId : ackIds) {
      pending.add(ackPool.submit(() -> delete(ackId)));
    }
    Exception first = null;
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof Exception ex ? ex : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void delete(String ackId) {
    String id = messageId(ackId);
    try {
      queue.deleteMessage(id, receipt(ackId));
    } catch (QueueStorageException e) {
      if (e.getStatusCode() != 404 && e.getStatusCode() != 400) {
        throw e;
      }
      // a stale pop receipt: the message was redelivered or already deleted
    } finally {
      receipts.remove(id);
    }
  }

  @Override
  public void nack(List<String> ackIds, Duration delay) {
    for (String ackId : ackIds) {
      update(ackId, delay);
      receipts.remove(messageId(ackId));
    }
  }

  @Override
  public void extendDeadline(String ackId, Duration extension) {
    update(ackId, extension);
  }

  private void update(String ackId, Duration visibility) {
    String id = messageId(ackId);
    try {
      UpdateMessageResult r = queue.updateMessage(id, receipt(ackId), null, visibility);
      receipts.put(id, r.getPopReceipt());
    } catch (QueueStorageException e) {
      if (e.getStatusCode() != 404 && e.getStatusCode() != 400) {
        throw e;
      }
    }
  }

  @Override
  public void deadLetter(List<DriverMessage> messages) throws Exception {
    QueueClient dlq = deadLetterQueue;
    if (dlq == null) {
      dlq = settings.queue(settings.deadLetter);
      dlq.createIfNotExists();
      deadLetterQueue = dlq;
    }
    for (DriverMessage m : messages) {
      dlq.sendMessage(AzureEnvelope.encode(m.message()));
    }
    ack(messages.stream().map(DriverMessage::ackId).toList());
  }

  /** One {@code Get Queue Metadata} (properties), bounded by {@code timeout}. */
  @Override
  public void ping(java.time.Duration timeout) throws Exception {
    AzureQueueTopicDriver.ping(queue, timeout);
  }

  @Override
  public ErrorMapper errorMapper() {
    return AzureErrors::map;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(queue) ? Optional.of(type.cast(queue)) : Optional.empty();
  }

  @Override
  public void close() {
    ackPool.shutdown(); // the portable layer flushed its acks before closing the driver
  }
}
