package io.ysh.queue.azure;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.time.Duration;
import java.util.Set;

/**
 * Opens {@code azqueue://account:key@queue} URLs (the account key percent-encoded: {@code /} as
 * {@code %2F}). Without credentials in the URL the connection string in
 * {@code AZURE_STORAGE_CONNECTION_STRING} is used. Parameters: {@code endpoint} (default
 * {@code https://<account>.queue.core.windows.net}; Azurite: {@code http://127.0.0.1:PORT/devstoreaccount1}),
 * {@code create} (default true; false: a missing queue is {@code NOT_FOUND}), {@code ackDeadline}
 * (visibility timeout per receive, default 30 s), {@code deadLetter} (default {@code <queue>-dlq}),
 * plus the portable ones.
 */
public final class AzureQueueProvider implements QueueDriverProvider {

  static final Set<String> PARAMS = QueueUrls.known("endpoint", "create");

  /** Creates the provider (no I/O). */
  public AzureQueueProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("azqueue");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    Settings s = new Settings(url);
    return AzureErrors.open(s, () -> new AzureQueueTopicDriver(s, s.queue(s.queue)));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    Settings s = new Settings(url);
    return AzureErrors.open(s, () -> new AzureQueueSubscriptionDriver(s, s.queue(s.queue)));
  }

  /** Parsed URL and the service client. */
  static final class Settings {
    final String queue;
    final boolean create;
    final Duration visibility;
    final String deadLetter;
    final QueueServiceClient service;

    Settings(ResourceUrl url) {
      url.requireKnownParams(PARAMS);
      queue = url.host().orElseThrow(() -> YshException.invalidArgument("azqueue:// URL needs a queue name, such as azqueue://account:key@orders"));
      if (!url.pathSegments().isEmpty() && !(url.pathSegments().size() == 1 && url.pathSegments().get(0).isEmpty())) {
        throw YshException.invalidArgument("azqueue:// URL takes the queue name as host and no path");
      }
      create = url.boolParam("create").orElse(true);
      visibility = url.durationParam("ackDeadline").orElse(Duration.ofSeconds(30));
      deadLetter = url.param("deadLetter").orElse(queue + "-dlq");
      QueueServiceClientBuilder b = new QueueServiceClientBuilder().messageEncoding(QueueMessageEncoding.NONE);
      if (url.username().isPresent()) {
        String account = url.username().get();
        String key = url.password().map(p -> p.reveal()).orElseThrow(() -> YshException.invalidArgument("azqueue:// URL has an account but no key"));
        b.endpoint(url.param("endpoint").orElse("https://" + account + ".queue.core.windows.net"));
        b.credential(new StorageSharedKeyCredential(account, key));
      } else {
        String cs = System.getenv("AZURE_STORAGE_CONNECTION_STRING");
        if (cs == null || cs.isBlank()) {
          throw YshException.invalidArgument("azqueue:// URL needs account:key@ or the AZURE_STORAGE_CONNECTION_STRING environment variable");
        }
        b.connectionString(cs);
        url.param("endpoint").ifPresent(b::endpoint);
      }
      service = b.buildClient();
    }

    QueueClient queue(String name) {
      return service.getQueueClient(name);
    }
  }
}
