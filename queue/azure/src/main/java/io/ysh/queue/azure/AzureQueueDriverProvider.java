package io.ysh.queue.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.support.azure.AzureHttp;
import io.ysh.support.azure.AzureStorageConfig;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Opens {@code azqueue://account:key@queue} URLs (the account key percent-encoded: {@code /} as
 * {@code %2F}), {@code azqueue://account@queue} (Microsoft Entra ID) or {@code
 * azqueue://account@queue?sas=…}. Credentials and endpoint are read as by every Azure Storage
 * driver ({@link AzureStorageConfig}): the key in the URL, else a SAS token ({@code sas=},
 * percent-encoded), else the connection string in {@code AZURE_STORAGE_CONNECTION_STRING}, else
 * the key in {@code AZURE_STORAGE_KEY} (for the URL's account or {@code AZURE_STORAGE_ACCOUNT}),
 * else Entra ID through azure-identity's {@code DefaultAzureCredential} ({@code clientId=} and
 * {@code tenantId=} choose the identity; {@code com.azure:azure-identity} must be on the class
 * path); {@code endpoint} (default {@code https://<account>.queue.core.windows.net}; a local
 * emulator's: {@code http://127.0.0.1:PORT/devstoreaccount1}). Queue Storage's own parameters:
 * {@code create} (default true; false: a missing queue is {@code NOT_FOUND}), {@code ackDeadline}
 * (visibility timeout per receive, default 30 s), {@code deadLetter} (default {@code <queue>-dlq}),
 * plus the portable ones.
 */
public final class AzureQueueDriverProvider implements QueueDriverProvider {

  static final Set<String> PARAMS =
      QueueUrls.known(Stream.concat(AzureStorageConfig.URL_PARAMETERS.stream(), Stream.of("create")).toArray(String[]::new));

  /** Creates the provider (no I/O). */
  public AzureQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("azqueue");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    return openTopic(url, null);
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    return openSubscription(url, null);
  }

  TopicDriver openTopic(ResourceUrl url, TokenCredential credential) {
    Settings s = new Settings(url, credential);
    return AzureErrors.open(s, () -> new AzureQueueTopicDriver(s, s.queue(s.queue)));
  }

  SubscriptionDriver openSubscription(ResourceUrl url, TokenCredential credential) {
    Settings s = new Settings(url, credential);
    return AzureErrors.open(s, () -> new AzureQueueSubscriptionDriver(s, s.queue(s.queue)));
  }

  /** Parsed URL and the service client. */
  static final class Settings {
    final String queue;
    final boolean create;
    final Duration visibility;
    final String deadLetter;
    final QueueServiceClient service;

    Settings(ResourceUrl url, TokenCredential credential) {
      url.requireKnownParams(PARAMS);
      queue = url.host().orElseThrow(() -> YshException.invalidArgument("azqueue:// URL needs a queue name, such as azqueue://account:key@orders"));
      if (!url.pathSegments().isEmpty() && !(url.pathSegments().size() == 1 && url.pathSegments().get(0).isEmpty())) {
        throw YshException.invalidArgument("azqueue:// URL takes the queue name as host and no path");
      }
      create = url.boolParam("create").orElse(true);
      visibility = url.durationParam("ackDeadline").orElse(Duration.ofSeconds(30));
      deadLetter = url.param("deadLetter").orElse(queue + "-dlq");
      AzureStorageConfig storage = AzureStorageConfig.fromUrl(url, Service.QUEUE, url.username().orElse(null),
          url.password().orElse(null)).tokenCredential(credential).build("azqueue://account:KEY@queue");
      QueueServiceClientBuilder b = storage.configure(new QueueServiceClientBuilder()
          .httpClient(AzureHttp.client()).messageEncoding(QueueMessageEncoding.NONE)
          // One try per call: the portable layer's resilience policy retries, and the SDK's own
          // retries (four tries, exponential backoff) under it made a failure take ~45 s.
          .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Duration) null, null, null, null)));
      service = b.buildClient();
    }

    QueueClient queue(String name) {
      return service.getQueueClient(name);
    }
  }
}
