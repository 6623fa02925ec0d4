package io.ysh.queue.azure;

import com.azure.storage.queue.QueueClient;
import io.ysh.testkit.azure.Azurite;
import io.ysh.testkit.queue.QueueConformance;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against Azurite's queue service (see {@link Azurite}: npm
 * package {@code azurite} 3.37.0, started once per JVM on a free 127.0.0.1 port, in memory, with
 * the well-known development account). Skipped, with a message, when Azurite cannot be had.
 */
class AzureQueueConformanceTest extends QueueConformance {

  private String endpoint;

  @BeforeAll
  void startAzurite() {
    endpoint = Azurite.queueEndpoint();
  }

  @Override
  protected String url(String queue) {
    return "azqueue://" + Azurite.ACCOUNT + ":" + Azurite.KEY.replace("/", "%2F").replace("+", "%2B") + "@" + queue
        + "?endpoint=" + endpoint;
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-created-" + UUID.randomUUID().toString().substring(0, 8)) + "&create=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(QueueClient.class);
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        "azqueue://" + Azurite.ACCOUNT + "@q?endpoint=" + endpoint,
        url("q").replace("@q?", "@q/extra?"),
        url("q") + "&create=perhaps");
  }
}
