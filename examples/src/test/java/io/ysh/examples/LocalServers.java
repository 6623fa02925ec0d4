package io.ysh.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The machine's Redis (6379) and RabbitMQ (5672, guest/guest), shared with other tests: isolate everything. */
final class LocalServers {

  private LocalServers() {}

  static void requireRedisAndRabbitMq() {
    require("Redis", 6379);
    require("RabbitMQ", 5672);
  }

  private static void require(String name, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      Assumptions.abort("no " + name + " on 127.0.0.1:" + port + " (" + e + "); start it to run this test");
    }
  }

  /** A RabbitMQ virtual host of its own, deleted on close; vhost {@code /} with unique queue names where rabbitmqctl is not usable. */
  static Vhost rabbitMqVhost() {
    String name = "ysh-examples-" + UUID.randomUUID().toString().substring(0, 8);
    if (rabbitmqctl("add_vhost", name) && rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")) {
      return new Vhost(name, true);
    }
    System.err.println("rabbitmqctl not usable: running in vhost / with unique queue names");
    return new Vhost("%2F", false);
  }

  record Vhost(String name, boolean created) implements AutoCloseable {
    String url(String queue) {
      return "rabbitmq://guest:guest@127.0.0.1:5672/" + name + "/" + queue;
    }

    @Override
    public void close() {
      if (created) {
        rabbitmqctl("delete_vhost", name);
      }
    }
  }

  private static boolean rabbitmqctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("rabbitmqctl", "-q"));
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
}
