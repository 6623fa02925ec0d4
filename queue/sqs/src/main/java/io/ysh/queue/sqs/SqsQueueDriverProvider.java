package io.ysh.queue.sqs;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import io.ysh.support.aws.AwsClientConfig;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Opens {@code sqs://[ACCESS_KEY:SECRET_KEY@]queue-name?region=…} URLs. Region, endpoint and
 * credentials are read as by every AWS driver: {@code region} (else {@code AWS_REGION}, the
 * {@code aws.region} system property or the profile's region; with an endpoint and none of those,
 * {@code us-east-1}), {@code endpoint} (for emulators or VPC endpoints), {@code
 * profile} (a named profile for credentials), credentials in the URL, else the AWS default chain.
 * The SDK's own retries are off: the portable layer retries. SQS's own parameters: {@code create} (default true: CreateQueue on open, idempotent; false: the queue must
 * exist, else {@code NOT_FOUND}), {@code ackDeadline} (visibility timeout per receive, whole
 * seconds; default the queue's), {@code deadLetter} (default {@code queue-dlq}, or
 * {@code queue-dlq.fifo}), {@code redrive} (default true: with {@code maxAttempts}, give a queue
 * without a RedrivePolicy one, so SQS dead-letters natively; false: the portable layer does), plus
 * the portable ones. A queue that already has a RedrivePolicy is always dead-lettered by SQS. A name ending in {@code .fifo} opens a FIFO queue:
 * ordering keys become message group ids and deduplication ids are honoured.
 */
public final class SqsQueueDriverProvider implements QueueDriverProvider {

  static final Set<String> PARAMS =
      QueueUrls.known(Stream.concat(AwsClientConfig.URL_PARAMETERS.stream(), Stream.of("create", "redrive")).toArray(String[]::new));

  /** Creates the provider (no I/O). */
  public SqsQueueDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("sqs");
  }

  @Override
  public TopicDriver openTopic(ResourceUrl url) {
    Settings s = new Settings(url);
    SqsClient client = client(s);
    return SqsErrors.open(s, client, () -> new SqsTopicDriver(s, client, SqsQueueLookup.resolve(client, s.queue, s.create)));
  }

  @Override
  public SubscriptionDriver openSubscription(ResourceUrl url) {
    Settings s = new Settings(url);
    SqsClient client = client(s);
    return SqsErrors.open(s, client, () -> {
      String queueUrl = SqsQueueLookup.resolve(client, s.queue, s.create);
      return new SqsSubscriptionDriver(s, client, queueUrl, SqsRedrive.configure(client, s, queueUrl));
    });
  }

  private static SqsClient client(Settings s) {
    return s.aws.configure(SqsClient.builder(), null)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .build();
  }

  /** Parsed URL. */
  static final class Settings {
    final String queue;
    final AwsClientConfig aws;
    final boolean create;
    final Integer visibilitySeconds;
    final String deadLetter;
    final boolean deadLetterExplicit;
    final Integer maxAttempts;
    final boolean redrive;
    final boolean fifo;

    Settings(ResourceUrl url) {
      url.requireKnownParams(PARAMS);
      queue = url.host().orElseThrow(() -> YshException.invalidArgument("sqs:// URL needs a queue name, such as sqs://orders?region=sa-east-1"));
      if (!url.pathSegments().isEmpty() && !(url.pathSegments().size() == 1 && url.pathSegments().get(0).isEmpty())) {
        throw YshException.invalidArgument("sqs:// URL takes the queue name as host and no path");
      }
      fifo = queue.endsWith(".fifo");
      create = url.boolParam("create").orElse(true);
      visibilitySeconds = url.durationParam("ackDeadline").map(d -> (int) Math.max(0, Math.min(43_200, (d.toMillis() + 999) / 1000))).orElse(null);
      String base = fifo ? queue.substring(0, queue.length() - 5) : queue;
      deadLetterExplicit = url.param("deadLetter").isPresent();
      deadLetter = url.param("deadLetter").orElse(base + "-dlq" + (fifo ? ".fifo" : ""));
      if (fifo != deadLetter.endsWith(".fifo")) {
        throw YshException.invalidArgument("deadLetter " + deadLetter + " must be a " + (fifo ? "FIFO" : "standard")
            + " queue like " + queue + " (SQS requires it; FIFO names end in .fifo)");
      }
      maxAttempts = url.intParam("maxAttempts").orElse(null);
      redrive = url.boolParam("redrive").orElse(true);
      aws = AwsClientConfig.fromUrl(url).build();
    }
  }
}
