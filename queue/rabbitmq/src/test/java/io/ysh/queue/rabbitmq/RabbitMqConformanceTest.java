package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.Connection;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.conformance.QueueConformance;
import io.ysh.queue.spi.SubscriptionDriver;
import io.ysh.queue.spi.TopicDriver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the queue conformance suite against the RabbitMQ broker on 127.0.0.1:5672 (guest/guest;
 * override with {@code -Dysh.rabbitmq.host/port}). Each run gets its own virtual host, created and
 * deleted with {@code rabbitmqctl}; where {@code rabbitmqctl} is not usable the run falls back to
 * vhost {@code /} with unique queue names. Skipped, with a message, when no broker listens.
 */
class RabbitMqConformanceTest extends QueueConformance {

  private static final RabbitMqQueueDriverProvider PROVIDER = new RabbitMqQueueDriverProvider();

  static final String HOST = System.getProperty("ysh.rabbitmq.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("ysh.rabbitmq.port", 5672);

  private String vhost = "%2F";
  private String createdVhost;

  @BeforeAll
  void createVhost() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, PORT), 2000);
    } catch (IOException e) {
      Assumptions.abort("no RabbitMQ broker on " + HOST + ":" + PORT + " (" + e + "); start rabbitmq-server to run these tests");
    }
    String name = "ysh-queue-test-" + UUID.randomUUID().toString().substring(0, 8);
    if (rabbitmqctl("add_vhost", name) && rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")) {
      createdVhost = name;
      vhost = name;
    } else {
      System.err.println("rabbitmqctl not usable: running in vhost / with unique queue names");
    }
  }

  @AfterAll
  void deleteVhost() {
    if (createdVhost != null) {
      rabbitmqctl("delete_vhost", createdVhost);
    }
  }

  /**
   * Ready and unacknowledged messages together, as the broker counts them ({@code rabbitmqctl
   * list_queues} in the run's virtual host); empty when {@code rabbitmqctl} is not usable.
   */
  @Override
  protected OptionalLong messagesLeft(String queue) {
    if (createdVhost == null) {
      return OptionalLong.empty();
    }
    List<String> cmd = List.of("rabbitmqctl", "-q", "list_queues", "-p", createdVhost, "--no-table-headers", "name", "messages");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("rabbitmqctl list_queues failed: " + out);
      }
      for (String line : out.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 2 && f[0].equals(queue)) {
          return OptionalLong.of(Long.parseLong(f[1]));
        }
      }
      return OptionalLong.of(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean rabbitmqctl(String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  protected String url(String queue) {
    return "rabbitmq://guest:guest@" + HOST + ":" + PORT + "/" + vhost + "/" + queue;
  }

  // Through the URL provider, as Topic.open gets it, rather than RabbitMqQueues.builder(): the suite then also
  // proves the URL reading of every subscription option; the builder has its own tests.
  @Override
  protected TopicDriver newTopicDriver(String queue) {
    return PROVIDER.openTopic(ResourceUrl.parse(url(queue)));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriver(SubscriptionSpec spec) {
    return PROVIDER.openSubscription(ResourceUrl.parse(spec.appendTo(url(spec.queue()))));
  }

  @Override
  protected Optional<InetSocketAddress> brokerAddress() {
    return Optional.of(new InetSocketAddress(HOST, PORT));
  }

  @Override
  protected TopicDriver newTopicDriverVia(String queue, String host, int port) {
    return PROVIDER.openTopic(ResourceUrl.parse("rabbitmq://guest:guest@" + host + ":" + port + "/" + vhost + "/" + queue));
  }

  @Override
  protected SubscriptionDriver newSubscriptionDriverVia(String queue, String host, int port) {
    return PROVIDER.openSubscription(ResourceUrl.parse("rabbitmq://guest:guest@" + host + ":" + port + "/" + vhost + "/" + queue));
  }

  /** ping is a passive declare: a queue deleted under an open topic and subscription is NOT_FOUND. */
  @org.junit.jupiter.api.Test
  void pingOfADeletedQueueIsNotFound() throws Exception {
    String q = freshQueue();
    io.ysh.queue.Topic topic = topic(q);
    io.ysh.queue.Subscription sub = subscription(q);
    topic.ping();
    try (com.rabbitmq.client.Channel c = topic.unwrap(Connection.class).createChannel()) {
      c.queueDelete(q);
    }
    for (Runnable ping : List.<Runnable>of(topic::ping, sub::ping)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(ping::run)
          .isInstanceOfSatisfying(io.ysh.core.YshException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(io.ysh.core.ErrorCode.NOT_FOUND);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("guest:guest");
          });
    }
  }

  @Override
  protected Optional<String> missingQueueUrl() {
    return Optional.of(url("never-declared-" + UUID.randomUUID()) + "?declare=false");
  }

  @Override
  protected Optional<Class<?>> nativeType() {
    return Optional.of(Connection.class);
  }

  @Override
  protected List<String> malformedUrls() {
    return List.of(
        "rabbitmq://guest:guest@" + HOST + ":" + PORT,
        "rabbitmq://guest:guest@" + HOST + ":" + PORT + "/a/b/c",
        url("q") + "?prefetch=0",
        url("q") + "?declare=perhaps");
  }
}
