package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void reservedPortsAreDistinctAndBindableOnLoopback() throws Exception {
    int[] ports = FreePorts.reserve(20);

    assertThat(ports).hasSize(20).doesNotHaveDuplicates();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    for (int port : ports) {
      assertThat(port).isBetween(1, 65_535);
      try (ServerSocket socket = new ServerSocket(port, 1, loopback)) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void neverHandsOutTheSamePortTwiceInOneJvm() {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(seen.add(FreePorts.next())).as("port handed out twice").isTrue();
    }
    Arrays.stream(FreePorts.reserve(5)).forEach(port -> assertThat(seen.add(port)).isTrue());
  }

  @Test
  void rejectsReservingNoPorts() {
    assertThatThrownBy(() -> FreePorts.reserve(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
