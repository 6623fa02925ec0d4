package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {

  /** An in-JVM HTTP server on 127.0.0.1, closed by closing what wraps it. */
  static final class Http implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger stops = new AtomicInteger();

    Http(int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.start();
    }

    @Override
    public void close() {
      stops.incrementAndGet();
      server.stop(0);
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
    }
  }

  @Test
  void startsAnInJvmServerAndClosesItOnce() throws Exception {
    int port = FreePorts.next();
    EmbeddedServer<Http> embedded = EmbeddedServer.start(
        "http-stub", () -> new Http(port), ReadinessProbe.tcp(port), Duration.ofSeconds(5));

    assertThat(embedded.name()).isEqualTo("http-stub");
    assertThat(embedded.isAlive()).isTrue();
    assertThat(embedded.server().server.getAddress().getPort()).isEqualTo(port);
    connect(port);

    embedded.close();
    embedded.close();

    assertThat(embedded.isAlive()).isFalse();
    assertThat(embedded.server().stops).hasValue(1);
    assertThatThrownBy(() -> connect(port)).isInstanceOf(IOException.class);
  }

  @Test
  void waitsForTheProbeBeforeReturning() {
    AtomicInteger checks = new AtomicInteger();
    try (EmbeddedServer<AutoCloseable> embedded = EmbeddedServer.start(
        "slow", () -> () -> { }, context -> checks.incrementAndGet() >= 3, Duration.ofSeconds(5))) {
      assertThat(checks).hasValue(3);
      assertThat(embedded.isAlive()).isTrue();
    }
  }

  @Test
  void starterThatThrowsFailsTheStart() {
    assertThatThrownBy(() -> EmbeddedServer.start("broken", () -> {
          throw new IOException("port in use");
        }))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("Embedded server 'broken' failed to start")
        .hasMessageContaining("java.io.IOException: port in use")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void serverThatIsNeverReadyIsClosedAfterTheTimeout() {
    AtomicBoolean closed = new AtomicBoolean();
    ServerStartException failure = catchThrowableOfType(
        ServerStartException.class,
        () -> EmbeddedServer.start(
            "never",
            () -> () -> closed.set(true),
            ReadinessProbe.named("the stub answers PING", context -> {
              throw new IOException("no PONG");
            }),
            Duration.ofMillis(300)));

    assertThat(failure.getMessage())
        .contains("Embedded server 'never' was not ready within 0.300 s; it was closed")
        .contains("waited for: the stub answers PING")
        .contains("last probe error: java.io.IOException: no PONG");
    assertThat(failure.exitCode()).isEmpty();
    assertThat(failure.logFile()).isEmpty();
    assertThat(closed).isTrue();
  }

  @Test
  void logLineProbeFailsAtOnceBecauseThereIsNoOutput() {
    long began = System.nanoTime();
    assertThatThrownBy(() -> EmbeddedServer.start(
            "no-output", () -> () -> { }, ReadinessProbe.logLine(Pattern.compile("READY")), Duration.ofSeconds(30)))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("cannot be probed")
        .hasMessageContaining("no output");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void failingCloseIsReportedAndStillCountsAsClosed() {
    EmbeddedServer<AutoCloseable> embedded = EmbeddedServer.start("bad-close", () -> () -> {
      throw new IOException("disk gone");
    });

    assertThatThrownBy(embedded::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not stop embedded server 'bad-close'")
        .hasCauseInstanceOf(IOException.class);
    assertThat(embedded.isAlive()).isFalse();
    embedded.close();
  }
}
