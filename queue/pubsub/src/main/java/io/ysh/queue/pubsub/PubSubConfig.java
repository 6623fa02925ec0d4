package io.ysh.queue.pubsub;

import com.google.auth.Credentials;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueUrls;
import io.ysh.support.gcp.GcpCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything a driver needs, from a URL or from {@link PubSubQueues.Builder}: which topic and
 * subscription, how to connect, and the driver's options. Immutable.
 */
final class PubSubConfig {

  /** Parameters a {@code gcppubsub://} URL accepts besides the portable ones. */
  static final Set<String> PARAMS = QueueUrls.known(Stream.concat(GcpCredentials.URL_PARAMETERS.stream(),
      Stream.of("endpoint", "plaintext", "subscription", "topic", "create", "maxBatchMessages", "maxBatchBytes")).toArray(String[]::new));

  /** The emulator's environment variable, honoured like Google's own clients do. */
  static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";

  /** Project ids, project numbers, and legacy {@code domain:project} ids. */
  private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9.:-]{0,99}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._~+%-]{2,254}");

  final String project;
  /** Full topic path, if known. */
  final Optional<String> topic;
  /** Full subscription path, if known. */
  final Optional<String> subscription;
  /** host:port of a plaintext endpoint without credentials (the emulator), if any. */
  final Optional<String> emulator;
  /** host:port of a TLS endpoint with credentials, if not the default. */
  final Optional<String> endpoint;
  final Optional<Credentials> credentials;
  final boolean create;
  final Optional<Duration> ackDeadline;
  /** Full topic path of the dead-letter destination. */
  final String deadLetterTopic;
  final int maxBatchMessages;
  final long maxBatchBytes;
  final Duration publishTimeout;

  PubSubConfig(PubSubQueues.Builder b) {
    project = b.project;
    topic = Optional.ofNullable(b.topic).map(t -> path("topics", t));
    subscription = Optional.ofNullable(b.subscription).map(s -> path("subscriptions", s));
    emulator = Optional.ofNullable(b.emulator);
    endpoint = Optional.ofNullable(b.endpoint);
    credentials = Optional.ofNullable(b.credentials);
    create = b.create;
    ackDeadline = Optional.ofNullable(b.ackDeadline);
    String dlq = b.deadLetter != null ? b.deadLetter : subscription.map(s -> shortName(s) + "-dlq").orElse(topic.map(t -> shortName(t) + "-dlq").orElse(null));
    deadLetterTopic = dlq == null ? null : path("topics", dlq);
    maxBatchMessages = b.maxBatchMessages;
    maxBatchBytes = b.maxBatchBytes;
    publishTimeout = b.publishTimeout;
    if (emulator.isPresent() && (endpoint.isPresent() || credentials.isPresent())) {
      throw YshException.invalidArgument("the Pub/Sub emulator endpoint takes no credentials and no TLS endpoint");
    }
    if (ackDeadline.isPresent() && (ackDeadline.get().compareTo(Duration.ofSeconds(1)) < 0 || ackDeadline.get().compareTo(PubSubLimits.MAX_ACK_DEADLINE) > 0)) {
      throw YshException.invalidArgument("ackDeadline must be between 1 s and 600 s, was " + ackDeadline.get());
    }
    if (maxBatchMessages < 1 || maxBatchMessages > PubSubLimits.MAX_BATCH_MESSAGES) {
      throw YshException.invalidArgument("maxBatchMessages must be between 1 and " + PubSubLimits.MAX_BATCH_MESSAGES + ", was " + maxBatchMessages);
    }
    if (maxBatchBytes < 1 || maxBatchBytes > PubSubLimits.MAX_MESSAGE_BYTES) {
      throw YshException.invalidArgument("maxBatchBytes must be between 1 and " + PubSubLimits.MAX_MESSAGE_BYTES + ", was " + maxBatchBytes);
    }
  }

  /**
   * Reads a URL: {@code gcppubsub://projects/P/topics/T[?subscription=S]} or
   * {@code gcppubsub://projects/P/subscriptions/S[?topic=T]}. Credentials are read as by every
   * GCP driver ({@code credentialsFile=}, else Application Default Credentials).
   *
   * @param url the URL
   * @param env the environment (for {@value #EMULATOR_ENV})
   * @return the configuration
   */
  static PubSubConfig fromUrl(ResourceUrl url, java.util.function.UnaryOperator<String> env) {
    url.requireKnownParams(PARAMS);
    List<String> seg = url.pathSegments();
    if (!url.host().map("projects"::equals).orElse(false) || url.hosts().size() != 1 || url.hosts().get(0).port() != -1
        || seg.size() != 3 || !(seg.get(1).equals("topics") || seg.get(1).equals("subscriptions"))) {
      throw YshException.invalidArgument("gcppubsub:// URLs name a topic or a subscription: gcppubsub://projects/<project>/topics/<topic> "
          + "or gcppubsub://projects/<project>/subscriptions/<subscription>, was " + url);
    }
    PubSubQueues.Builder b = PubSubQueues.builder().project(seg.get(0));
    if (seg.get(1).equals("topics")) {
      b.topic(seg.get(2));
      url.param("subscription").ifPresent(b::subscription);
      if (url.param("topic").isPresent()) {
        throw YshException.invalidArgument("a topics/ URL names its topic in the path; use subscription= for the subscription");
      }
    } else {
      b.subscription(seg.get(2));
      url.param("topic").ifPresent(b::topic);
      if (url.param("subscription").isPresent()) {
        throw YshException.invalidArgument("a subscriptions/ URL names its subscription in the path; use topic= for the topic");
      }
    }
    boolean plaintext = url.boolParam("plaintext").orElse(true);
    Optional<String> endpoint = url.param("endpoint");
    if (endpoint.isPresent()) {
      if (plaintext) {
        b.emulatorEndpoint(endpoint.get());
      } else {
        b.endpoint(endpoint.get());
      }
    } else if (url.param("plaintext").isPresent()) {
      throw YshException.invalidArgument("plaintext= applies to endpoint=host:port only");
    } else {
      String fromEnv = env.apply(EMULATOR_ENV);
      if (fromEnv != null && !fromEnv.isBlank()) {
        b.emulatorEndpoint(fromEnv.strip());
      }
    }
    GcpCredentials.fromUrl(url).ifPresent(b::credentials);
    url.boolParam("create").ifPresent(b::create);
    url.durationParam("ackDeadline").ifPresent(b::ackDeadline);
    url.param("deadLetter").ifPresent(b::deadLetter);
    Optional<Integer> maxMessages = url.intParam("maxBatchMessages");
    Optional<Integer> maxBytes = url.intParam("maxBatchBytes");
    if (maxMessages.isPresent() || maxBytes.isPresent()) {
      b.batching(maxMessages.orElse(PubSubLimits.MAX_BATCH_MESSAGES), maxBytes.map(Integer::longValue).orElse((long) PubSubLimits.MAX_MESSAGE_BYTES));
    }
    return b.config();
  }

  /** Checks a project id. */
  static String checkProject(String project) {
    if (project == null || !PROJECT.matcher(project).matches()) {
      throw YshException.invalidArgument("not a valid GCP project id: '" + project + "'");
    }
    return project;
  }

  /**
   * A full resource path from a short name (in this project) or a full path.
   *
   * @param kind {@code topics} or {@code subscriptions}
   * @param name the short name or the full {@code projects/P/<kind>/N}
   * @return the full path
   */
  String path(String kind, String name) {
    String[] parts = name.split("/", -1);
    String p = project;
    String n = name;
    if (parts.length == 4 && parts[0].equals("projects") && parts[2].equals(kind)) {
      p = checkProject(parts[1]);
      n = parts[3];
    } else if (parts.length != 1) {
      throw YshException.invalidArgument("'" + name + "' is neither a " + kind.substring(0, kind.length() - 1) + " name nor projects/<project>/" + kind + "/<name>");
    }
    checkName(kind, n);
    return "projects/" + p + "/" + kind + "/" + n;
  }

  static void checkName(String kind, String n) {
    if (!NAME.matcher(n).matches() || n.regionMatches(true, 0, "goog", 0, 4)) {
      throw YshException.invalidArgument("not a valid Pub/Sub " + kind.substring(0, kind.length() - 1) + " name: '" + n
          + "' (3 to 255 letters, digits, - . _ ~ + %, starting with a letter, not with 'goog')");
    }
  }

  static String shortName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The topic, or INVALID_ARGUMENT saying how to name it. */
  String requireTopic() {
    return topic.orElseThrow(() -> YshException.invalidArgument(
        "no Pub/Sub topic named: open a Topic with gcppubsub://projects/<project>/topics/<topic>, or add topic=<topic> to a subscriptions/ URL"));
  }

  /** The subscription, or INVALID_ARGUMENT saying how to name it. */
  String requireSubscription() {
    return subscription.orElseThrow(() -> YshException.invalidArgument(
        "no Pub/Sub subscription named: open a Subscription with gcppubsub://projects/<project>/subscriptions/<subscription>, "
            + "or add subscription=<subscription> to a topics/ URL"));
  }

  @Override
  public String toString() {
    // no credentials here, ever
    return "PubSubConfig[" + topic.orElse("-") + ", " + subscription.orElse("-") + (emulator.isPresent() ? ", emulator " + emulator.get() : "") + "]";
  }
}
