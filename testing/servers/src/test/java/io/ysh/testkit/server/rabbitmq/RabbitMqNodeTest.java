package io.ysh.testkit.server.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A node of the test's own: it serves, its application stops and starts, it dies with SIGKILL, it comes back on the same port, it leaves nothing behind. */
class RabbitMqNodeTest {

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void startsKillsRestartsAndCleansUp() {
    RabbitMqNode node = RabbitMqNode.start("node-test");
    try {
      assertThat(node.port()).isNotEqualTo(5672);
      assertThat(listening(node.port())).isTrue();
      assertThat(node.rabbitmqctl("status")).contains(node.nodeName());
      assertThat(node.messages("no-such-queue")).isEmpty();

      node.stopApp();
      assertThat(listening(node.port())).as("application stopped").isFalse();
      node.startApp();
      assertThat(listening(node.port())).as("application started again").isTrue();

      node.kill();
      assertThat(node.isAlive()).isFalse();
      assertThat(listening(node.port())).as("killed").isFalse();

      node.start();
      assertThat(node.isAlive()).isTrue();
      assertThat(listening(node.port())).as("back on the same port").isTrue();
    } finally {
      node.close();
    }
    assertThat(node.isAlive()).isFalse();
    assertThat(listening(node.port())).isFalse();
  }
}
