package io.ysh.queue.kafka;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueUrls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Everything a Kafka driver needs, parsed from a URL or built by {@link KafkaQueues.Builder}.
 * Client properties are kept apart from secret ones so that {@link #toString()} and error
 * messages can never print a password.
 */
final class KafkaSettings {

  static final Set<String> PARAMS = QueueUrls.known("group", "partitions", "create", "tls", "sasl", "clientId");

  /** Kafka's own rule for topic names (legal characters; at most 249 of them). */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

  final String bootstrapServers;
  final String topic;
  final String group;
  final int partitions;
  final boolean create;
  final String deadLetter;
  final String clientId;
  final Map<String, String> properties;
  final Map<String, Secret> secretProperties;

  KafkaSettings(String bootstrapServers, String topic, String group, int partitions, boolean create, String deadLetter,
      String clientId, Map<String, String> properties, Map<String, Secret> secretProperties) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw YshException.invalidArgument("Kafka needs at least one bootstrap server, such as kafka://127.0.0.1:9092/orders");
    }
    this.bootstrapServers = bootstrapServers;
    this.topic = checkTopic(topic, "topic");
    this.group = group == null ? "ysh." + topic : requireNonBlank(group, "group");
    if (partitions < 1) {
      throw YshException.invalidArgument("partitions must be at least 1, was " + partitions);
    }
    this.partitions = partitions;
    this.create = create;
    this.deadLetter = checkTopic(deadLetter == null ? topic + ".dlq" : deadLetter, "deadLetter");
    this.clientId = clientId == null ? "ysh-" + topic : requireNonBlank(clientId, "clientId");
    this.properties = Map.copyOf(properties);
    this.secretProperties = Map.copyOf(secretProperties);
    for (String k : this.properties.keySet()) {
      if (this.secretProperties.containsKey(k)) {
        throw YshException.invalidArgument("client property '" + k + "' is set both as a plain and as a secret property");
      }
    }
  }

  /**
   * Parses {@code kafka://[user:password@]host[:port][,host[:port]...]/topic?...}.
   *
   * @param url the URL
   * @return the settings
   */
  static KafkaSettings fromUrl(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    if (url.hosts().isEmpty()) {
      throw YshException.invalidArgument("kafka:// URL needs a bootstrap server, such as kafka://127.0.0.1:9092/orders");
    }
    StringJoiner servers = new StringJoiner(",");
    for (HostAndPort hp : url.hosts()) {
      servers.add(hostPort(hp.host(), hp.portOr(9092)));
    }
    if (url.pathSegments().size() != 1 || url.pathSegments().get(0).isEmpty()) {
      throw YshException.invalidArgument("kafka:// URL needs exactly one path segment naming the topic, such as kafka://127.0.0.1:9092/orders");
    }
    String topic = url.pathSegments().get(0);
    Map<String, String> props = new LinkedHashMap<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    boolean tls = url.boolParam("tls").orElse(false);
    Optional<String> sasl = url.param("sasl");
    if (url.username().isPresent()) {
      String mechanism = sasl.orElse("PLAIN").toUpperCase(java.util.Locale.ROOT);
      if (!SASL_MECHANISMS.contains(mechanism)) {
        throw YshException.invalidArgument("sasl must be one of " + SASL_MECHANISMS + ", was '" + sasl.get() + "'");
      }
      Secret password = url.password().orElseThrow(() -> YshException.invalidArgument("kafka:// URL with a user name needs a password too"));
      props.put("security.protocol", tls ? "SASL_SSL" : "SASL_PLAINTEXT");
      props.put("sasl.mechanism", mechanism);
      secrets.put("sasl.jaas.config", Secret.of(jaas(mechanism, url.username().get(), password.reveal())));
    } else {
      if (sasl.isPresent()) {
        throw YshException.invalidArgument("sasl needs a user name and password in the kafka:// URL");
      }
      if (tls) {
        props.put("security.protocol", "SSL");
      }
    }
    int partitions = url.intParam("partitions").orElse(1);
    return new KafkaSettings(servers.toString(), topic, url.param("group").orElse(null), partitions,
        url.boolParam("create").orElse(true), url.param("deadLetter").orElse(null), url.param("clientId").orElse(null),
        props, secrets);
  }

  static String jaas(String mechanism, String user, String password) {
    String module = mechanism.equals("PLAIN")
        ? "org.apache.kafka.common.security.plain.PlainLoginModule"
        : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return module + " required username=\"" + jaasEscape(user) + "\" password=\"" + jaasEscape(password) + "\";";
  }

  private static String jaasEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  static String checkTopic(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw YshException.invalidArgument(what + " '" + name + "' is not a legal Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -)");
    }
    return name;
  }

  private static String requireNonBlank(String v, String what) {
    if (v.isBlank()) {
      throw YshException.invalidArgument(what + " must not be blank");
    }
    return v;
  }

  /** The client properties common to producer, consumer and admin; secrets revealed here only. */
  Map<String, Object> common(String clientIdSuffix) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("client.id", clientId + "-" + clientIdSuffix);
    p.putAll(properties);
    secretProperties.forEach((k, v) -> p.put(k, v.reveal()));
    return p;
  }

  KafkaSettings withTopic(String otherTopic) {
    return new KafkaSettings(bootstrapServers, otherTopic, group, partitions, create, null, clientId, properties, secretProperties);
  }

  @Override
  public String toString() {
    return "KafkaSettings[" + bootstrapServers + "/" + topic + ", group=" + group + ", partitions=" + partitions + ", create=" + create
        + ", deadLetter=" + deadLetter + ", properties=" + properties.keySet() + ", secretProperties=" + secretProperties.keySet() + "]";
  }
}
