package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

  private final List<String> output = new ArrayList<>();
  private final ReadinessProbe.Context context = new ReadinessProbe.Context() {
    @Override
    public String serverName() {
      return "probed";
    }

    @Override
    public boolean anyOutputLineMatches(Pattern pattern) {
      return output.stream().anyMatch(line -> pattern.matcher(line).find());
    }
  };

  private HttpServer http;
  private int port;

  @BeforeEach
  void startHttp() throws Exception {
    port = FreePorts.next();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.createContext("/ok", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    http.createContext("/down", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    http.start();
  }

  @AfterEach
  void stopHttp() {
    http.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void tcpIsReadyOnlyWhenSomethingListens() throws Exception {
    assertThat(ReadinessProbe.tcp(port).isReady(context)).isTrue();
    int closedPort = FreePorts.next();
    assertThatThrownBy(() -> ReadinessProbe.tcp(closedPort).isReady(context))
        .isInstanceOf(ConnectException.class);
    assertThat(ReadinessProbe.tcp(closedPort)).hasToString("a TCP connection to 127.0.0.1:" + closedPort);
  }

  @Test
  void httpIsReadyWhenTheStatusIsAccepted() throws Exception {
    assertThat(ReadinessProbe.http(uri("/ok")).isReady(context)).isTrue();
    assertThat(ReadinessProbe.http(uri("/down")).isReady(context)).isFalse();
    assertThat(ReadinessProbe.http(uri("/down"), status -> status < 600).isReady(context)).isTrue();

    ReadinessProbe down = ReadinessProbe.http(uri("/down"));
    down.isReady(context);
    assertThat(down.toString()).contains("GET " + uri("/down"), "last status 503");
  }

  @Test
  void logLineIsReadyOnceAnyLineMatches() throws Exception {
    ReadinessProbe probe = ReadinessProbe.logLine(Pattern.compile("started"));
    output.add("booting");
    assertThat(probe.isReady(context)).isFalse();
    output.add("server started in 3 ms");
    output.add("more output");
    assertThat(probe.isReady(context)).isTrue();
  }

  @Test
  void allOfChecksInOrderAndStopsAtTheFirstThatIsNotReady() throws Exception {
    List<String> called = new ArrayList<>();
    ReadinessProbe yes = ReadinessProbe.named("yes", c -> called.add("yes"));
    ReadinessProbe no = ReadinessProbe.named("no", c -> !called.add("no"));

    assertThat(no.and(yes).isReady(context)).isFalse();
    assertThat(called).containsExactly("no");
    assertThat(ReadinessProbe.allOf(yes, yes).isReady(context)).isTrue();
    assertThat(ReadinessProbe.allOf(yes, no)).hasToString("yes and no");
    assertThat(ReadinessProbe.immediately().isReady(context)).isTrue();
    assertThatThrownBy(ReadinessProbe::allOf).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesLambdasWithoutTheirGeneratedNames() {
    ReadinessProbe lambda = c -> true;
    assertThat(Probes.describe(lambda)).startsWith("a custom probe");
    assertThat(Probes.describe(ReadinessProbe.named("PING answered", lambda))).isEqualTo("PING answered");
  }
}
