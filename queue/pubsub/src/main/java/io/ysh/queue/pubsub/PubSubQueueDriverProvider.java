package io.ysh.queue.pubsub;

import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.util.Set;

/**
 * Opens {@code gcppubsub://} URLs, in Go CDK's form:
 * {@code gcppubsub://projects/<project>/topics/<topic>} for a {@link io.ysh.queue.Topic} and
 * {@code gcppubsub://projects/<project>/subscriptions/<subscription>} for a
 * {@link io.ysh.queue.Subscription}. Parameters: {@code subscription} (on a topics/ URL: the
 * subscription a Subscription opened with it pulls from), {@code topic} (on a subscriptions/ URL:
 * the topic a Topic opened with it publishes to, and that a created subscription attaches to),
 * {@code endpoint=host:port} (the emulator: plaintext, no credentials; with
 * {@code plaintext=false} a TLS endpoint with credentials), {@code create} (default false: create
 * a missing topic and subscription), {@code maxBatchMessages} and {@code maxBatchBytes}, plus the
 * portable ones. Without {@code endpoint}, {@code PUBSUB_EMULATOR_HOST} selects the emulator;
 * otherwise Application Default Credentials and {@code pubsub.googleapis.com} are used.
 */
public final class PubSubQueueDriverProvider implements QueueDriverProvider {

  /** The provider name in errors and telemetry. */
  static final String PROVIDER = "gcppubsub";

  /** Creates the provider (no I/O). */
  public PubSubQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of(PROVIDER);
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    return PubSubTopicDriver.open(PubSubConfig.fromUrl(url, System::getenv));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    return PubSubSubscriptionDriver.open(PubSubConfig.fromUrl(url, System::getenv));
  }
}
