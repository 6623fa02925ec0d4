package io.ysh.testkit.server.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ysh.testkit.server.fault.Toxic.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

  /** Echoes every byte back; counts what it received; sends {@code SERVED} bytes to "GET\n". */
  private ServerSocket echo;
  private final AtomicLong received = new AtomicLong();
  private final List<Throwable> serverErrors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          Thread h = new Thread(() -> serve(s));
          h.setDaemon(true);
          h.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      byte[] b = new byte[8192];
      for (int n; (n = in.read(b)) >= 0; ) {
        received.addAndGet(n);
        out.write(b, 0, n);
      }
    } catch (IOException e) {
      serverErrors.add(e);
    }
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  private FaultProxy tcp() {
    return FaultProxy.tcp("test", "127.0.0.1", echo.getLocalPort());
  }

  private static Socket connect(FaultProxy proxy) throws IOException {
    Socket s = new Socket("127.0.0.1", proxy.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  /** Reads until {@code n} bytes, the end of the stream, or a failure; returns what arrived. */
  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    while (out.size() < n) {
      int r = in.read(b, 0, Math.min(b.length, n - out.size()));
      if (r < 0) {
        break;
      }
      out.write(b, 0, r);
    }
    return out.toByteArray();
  }

  @Test
  void forwardsBothWaysFromAFreeLoopbackPort() throws IOException {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      assertThat(proxy.port()).isPositive().isNotEqualTo(echo.getLocalPort());
      byte[] data = bytes(300_000);
      Thread writer = new Thread(() -> {
        try {
          s.getOutputStream().write(data);
        } catch (IOException e) {
          serverErrors.add(e);
        }
      });
      writer.start();
      assertThat(readUpTo(s.getInputStream(), data.length)).isEqualTo(data);
      assertThat(proxy.connectionsAccepted()).isEqualTo(1);
      assertThat(proxy.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void resetAfterDeliversExactlyThatManyBytesThenResetsBothPeers() throws Exception {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      FaultProxy.Armed reset = proxy.add(Toxic.resetAfter(Direction.DOWNSTREAM, 10_000).times(1));
      s.getOutputStream().write(bytes(50_000));
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] b = new byte[4096];
      assertThatThrownBy(() -> {
        for (int n; (n = in.read(b)) >= 0; ) {
          got.write(b, 0, n);
        }
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
      assertThat(got.size()).isLessThanOrEqualTo(10_000);
      assertThat(reset.struck()).isEqualTo(1);
      // the next connection is not struck: times(1)
      try (Socket again = connect(proxy)) {
        again.getOutputStream().write(bytes(20_000));
        assertThat(readUpTo(again.getInputStream(), 20_000)).isEqualTo(bytes(20_000));
      }
      assertThat(reset.struck()).isEqualTo(1);
    }
  }

  @Test
  void resetUpstreamCutsTheServerOffWithinThePrefix() throws Exception {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      FaultProxy.Armed reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, 12_345));
      assertThatThrownBy(() -> {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 200; i++) {
          out.write(bytes(10_000));
        }
        s.getInputStream().readAllBytes();
      }).isInstanceOf(SocketException.class);
      assertThat(reset.awaitStruck(1, Duration.ofSeconds(5))).isTrue();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (serverErrors.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      // a reset discards what the kernel had not sent yet: the server gets at most the prefix
      assertThat(received.get()).isLessThanOrEqualTo(12_345);
      assertThat(serverErrors).singleElement().asString().contains("reset");
    }
  }

  @Test
  void closeAfterEndsTheStreamEarlyWithoutAnError() throws IOException {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      proxy.add(Toxic.closeAfter(Direction.DOWNSTREAM, 7_000));
      s.getOutputStream().write(bytes(30_000));
      byte[] got = s.getInputStream().readAllBytes();
      assertThat(got).hasSize(7_000);
      assertThat(got).isEqualTo(java.util.Arrays.copyOf(bytes(30_000), 7_000));
    }
  }

  @Test
  void blackholeSwallowsOneConnectionAndTheNextGetsThrough() throws Exception {
    try (FaultProxy proxy = tcp()) {
      FaultProxy.Armed hole = proxy.add(Toxic.blackhole(Direction.UPSTREAM).times(1));
      try (Socket dark = connect(proxy)) {
        dark.setSoTimeout(500);
        dark.getOutputStream().write(bytes(1000));
        assertThatThrownBy(() -> dark.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        assertThat(received.get()).isZero();
        assertThat(proxy.openConnections()).as("a blackhole keeps the connection open").isEqualTo(1);
      }
      try (Socket s = connect(proxy)) {
        s.getOutputStream().write(bytes(1000));
        assertThat(readUpTo(s.getInputStream(), 1000)).isEqualTo(bytes(1000));
      }
      assertThat(hole.struck()).isEqualTo(1);
    }
  }

  @Test
  void blackholeAfterLetsAPrefixThroughThenGoesDark() throws Exception {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      proxy.add(Toxic.blackholeAfter(Direction.DOWNSTREAM, 5_000).times(1));
      s.setSoTimeout(700);
      s.getOutputStream().write(bytes(20_000));
      InputStream in = s.getInputStream();
      byte[] got = readUpTo(in, 5_000);
      assertThat(got).isEqualTo(java.util.Arrays.copyOf(bytes(20_000), 5_000));
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
      assertThat(received.get()).as("the other direction still flows").isEqualTo(20_000);
    }
  }

  @Test
  void latencyDelaysEveryChunk() throws IOException {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      s.getOutputStream().write(1);
      s.getInputStream().read(); // connection warm
      proxy.add(Toxic.latency(Direction.DOWNSTREAM, Duration.ofMillis(300)));
      long start = System.nanoTime();
      s.getOutputStream().write(2);
      assertThat(s.getInputStream().read()).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void bandwidthBoundsTheRate() throws IOException {
    try (FaultProxy proxy = tcp(); Socket s = connect(proxy)) {
      proxy.add(Toxic.bandwidth(Direction.DOWNSTREAM, 200_000));
      long start = System.nanoTime();
      s.getOutputStream().write(bytes(100_000));
      assertThat(readUpTo(s.getInputStream(), 100_000)).hasSize(100_000);
      // 100 kB at 200 kB/s: half a second at least, whatever the machine's load
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
  }

  @Test
  void closeConnectionsEndsEveryOpenConnection() throws IOException {
    try (FaultProxy proxy = tcp(); Socket a = connect(proxy); Socket b = connect(proxy)) {
      a.getOutputStream().write(1);
      b.getOutputStream().write(1);
      assertThat(a.getInputStream().read()).isEqualTo(1);
      assertThat(b.getInputStream().read()).isEqualTo(1);
      proxy.closeConnections();
      assertThat(a.getInputStream().read()).isEqualTo(-1);
      assertThat(b.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.openConnections()).isZero();
    }
  }

  @Test
  void httpToxicsOnATcpProxyAreRefused() {
    try (FaultProxy proxy = tcp()) {
      assertThatThrownBy(() -> proxy.add(Toxic.respond(503, Map.of(), "")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> proxy.add(Toxic.blackhole(Direction.UPSTREAM).onRequests("GET")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ------------------------------------------------------------------ HTTP

  /** An HTTP server that records each request's method, path and body length. */
  private static final class Recorder implements AutoCloseable {
    final HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();

    Recorder() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        long n = exchange.getRequestBody().readAllBytes().length;
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + n);
        byte[] body = ("ok " + n).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static HttpResponse<String> send(HttpClient client, URI uri, String method, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void httpProxyLogsRequestsAndAnswersMatchingOnesItself() throws Exception {
    try (Recorder server = new Recorder(); FaultProxy proxy = FaultProxy.http("http", "127.0.0.1", server.port())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      FaultProxy.Armed slowDown = proxy.add(Toxic.respond(503, Map.of("Retry-After", "1"), "<Error>SlowDown</Error>")
          .onRequests("^PUT /b/").times(1));
      assertThat(send(client, proxy.uri().resolve("/a"), "GET", new byte[0]).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = send(client, proxy.uri().resolve("/b/key"), "PUT", bytes(50_000));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      assertThat(refused.body()).isEqualTo("<Error>SlowDown</Error>");
      HttpResponse<String> accepted = send(client, proxy.uri().resolve("/b/key"), "PUT", bytes(50_000));
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(accepted.body()).isEqualTo("ok 50000");
      assertThat(server.seen).containsExactly("GET /a 0", "PUT /b/key 50000");
      assertThat(proxy.requests()).extracting(FaultProxy.Request::line)
          .containsExactly("GET /a HTTP/1.1", "PUT /b/key HTTP/1.1", "PUT /b/key HTTP/1.1");
      assertThat(proxy.requests("^PUT")).isEqualTo(2);
      assertThat(proxy.requests().get(1).method()).isEqualTo("PUT");
      assertThat(proxy.requests().get(1).target()).isEqualTo("/b/key");
      assertThat(slowDown.struck()).isEqualTo(1);
    }
  }

  @Test
  void requestAimedResetCountsFromTheMatchingRequestOnAKeptAliveConnection() throws Exception {
    try (Recorder server = new Recorder(); FaultProxy proxy = FaultProxy.http("http", "127.0.0.1", server.port())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      proxy.add(Toxic.resetAfter(Direction.UPSTREAM, 20_000).onRequests("^POST /upload").times(1));
      // bodies larger than the cut point, on requests the toxic does not aim at, pass
      assertThat(send(client, proxy.uri().resolve("/other"), "POST", bytes(60_000)).body()).isEqualTo("ok 60000");
      assertThatThrownBy(() -> send(client, proxy.uri().resolve("/upload"), "POST", bytes(60_000)))
          .isInstanceOf(IOException.class);
      assertThat(send(client, proxy.uri().resolve("/upload"), "POST", bytes(60_000)).body()).isEqualTo("ok 60000");
      assertThat(server.seen).containsExactly("POST /other 60000", "POST /upload 60000");
      assertThat(proxy.requests("^POST /upload")).isEqualTo(2);
    }
  }

  @Test
  void chunkedBodiesAreFramedSoTheNextRequestIsSeen() throws Exception {
    try (Recorder server = new Recorder(); FaultProxy proxy = FaultProxy.http("http", "127.0.0.1", server.port());
        Socket s = connect(proxy)) {
      String chunked = "POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n3;ext=1\r\n, w\r\n0\r\n\r\n"
          + "GET /after HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
      s.getOutputStream().write(chunked.getBytes(StandardCharsets.ISO_8859_1));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (server.seen.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.seen).containsExactly("POST /chunks 8", "GET /after 0");
      assertThat(proxy.requests()).extracting(FaultProxy.Request::line)
          .containsExactly("POST /chunks HTTP/1.1", "GET /after HTTP/1.1");
    }
  }

  @Test
  void anHttpProxyForwardsBytesThatAreNotHttpUnchanged() throws IOException {
    try (FaultProxy proxy = FaultProxy.http("raw", "127.0.0.1", echo.getLocalPort()); Socket s = connect(proxy)) {
      byte[] resp = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
      s.getOutputStream().write(resp);
      assertThat(readUpTo(s.getInputStream(), resp.length)).isEqualTo(resp);
      assertThat(proxy.requests()).isEmpty();
    }
  }
}
