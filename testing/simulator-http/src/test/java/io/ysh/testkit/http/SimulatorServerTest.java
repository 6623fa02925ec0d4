package io.ysh.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesEveryPathOnLoopbackWithDaemonThreadsNamedAfterTheServer() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Boolean> daemon = new CopyOnWriteArrayList<>();
    try (SimulatorServer server =
        SimulatorServer.start("unit-sim", 0, ex -> {
          seen.add(ex.getRequestURI().getPath() + " " + Thread.currentThread().getName());
          daemon.add(Thread.currentThread().isDaemon());
          Exchanges.send(ex, 200, Map.of("Content-Type", "text/plain"), "ok".getBytes(StandardCharsets.UTF_8));
        })) {
      assertThat(server.port()).isPositive();
      assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(get(server.baseUrl() + "/a/b").body()).isEqualTo("ok");
      assertThat(get(server.baseUrl() + "/").statusCode()).isEqualTo(200);
      assertThat(seen).hasSize(2);
      assertThat(seen.get(0)).startsWith("/a/b unit-sim-");
      assertThat(daemon).containsOnly(true);
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
  }

  @Test
  void handlesExchangesConcurrently() throws Exception {
    // Each handler waits for the other: served one at a time, neither would ever answer.
    CountDownLatch both = new CountDownLatch(2);
    try (SimulatorServer server =
        SimulatorServer.start("concurrent-sim", 0, ex -> {
          both.countDown();
          boolean met;
          try {
            met = both.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            met = false;
          }
          Exchanges.send(ex, met ? 200 : 500, Map.of(), new byte[0]);
        })) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/x")).build();
      CompletableFuture<HttpResponse<Void>> a = HTTP.sendAsync(r, HttpResponse.BodyHandlers.discarding());
      CompletableFuture<HttpResponse<Void>> b = HTTP.sendAsync(r, HttpResponse.BodyHandlers.discarding());
      assertThat(a.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(b.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closeInterruptsRunningHandlersAndStopsListening() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch left = new CountDownLatch(1);
    SimulatorServer server =
        SimulatorServer.start("closing-sim", 0, ex -> {
          entered.countDown();
          Exchanges.sleep(Duration.ofMinutes(10));
          interrupted.set(Thread.currentThread().isInterrupted());
          ex.close();
          left.countDown();
        });
    int port = server.port();
    HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/slow")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    server.close();
    // close() waited for the handler, which a 10-minute sleep would not have allowed uninterrupted
    assertThat(left.getCount()).isZero();
    assertThat(interrupted).isTrue();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> SimulatorServer.start("x", 65_536, ex -> ex.close())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorServer.start("x", -1, ex -> ex.close())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendOmitsTheBodyOfA304AndOfAnEmptyAnswer() throws Exception {
    try (SimulatorServer server =
        SimulatorServer.start("send-sim", 0, ex -> {
          int status = Integer.parseInt(Exchanges.query(ex.getRequestURI().getRawQuery()).get("status"));
          Exchanges.send(ex, status, Map.of("ETag", "\"e1\""), status == 304 ? "ignored".getBytes(StandardCharsets.UTF_8) : new byte[0]);
        })) {
      for (int status : new int[] {304, 200, 404}) {
        String head = rawExchange(server.port(), "GET /?status=" + status + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 " + status);
        assertThat(head).containsIgnoringCase("ETag: \"e1\"");
        assertThat(head).doesNotContain("ignored");
        assertThat(head.substring(head.indexOf("\r\n\r\n") + 4)).isEmpty();
      }
    }
  }

  @Test
  void sendTruncatedAnnouncesTheWholeLengthAndCutsTheBodyShort() throws Exception {
    byte[] body = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
    try (SimulatorServer server =
        SimulatorServer.start("truncating-sim", 0, ex -> Exchanges.sendTruncated(ex, 200, Map.of("Content-Type", "text/csv"), body, 100))) {
      String answer = rawExchange(server.port(), "GET /file.csv HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 1000");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).isEqualTo("0123456789".repeat(10));
      assertThatThrownBy(() -> get(server.baseUrl() + "/file.csv")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void dropClosesTheConnectionWithoutAStatusLine() throws Exception {
    try (SimulatorServer server = SimulatorServer.start("dropping-sim", 0, Exchanges::drop)) {
      assertThat(rawExchange(server.port(), "POST /payments HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")).isEmpty();
      assertThatThrownBy(() -> get(server.baseUrl() + "/payments")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void queryDecodesInOrderAndKeepsTheLastOfARepeatedParameter() {
    assertThat(Exchanges.query(null)).isEmpty();
    assertThat(Exchanges.query("")).isEmpty();
    Map<String, String> q = Exchanges.query("b=1&a=x%20y&flag&&c=%7B%22k%22%3A%5B1%5D%7D&b=2&plus=a+b");
    assertThat(q).containsExactly(
        Map.entry("b", "2"), Map.entry("a", "x y"), Map.entry("flag", ""), Map.entry("c", "{\"k\":[1]}"), Map.entry("plus", "a b"));
    assertThatThrownBy(() -> q.put("z", "1")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sleepEndsEarlyOnInterruptAndKeepsTheFlag() throws Exception {
    AtomicBoolean flag = new AtomicBoolean();
    Thread t = new Thread(() -> {
      Exchanges.sleep(Duration.ofMinutes(10));
      flag.set(Thread.currentThread().isInterrupted());
    });
    t.start();
    t.interrupt();
    t.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(t.isAlive()).isFalse();
    assertThat(flag).isTrue();
    Exchanges.sleep(null);
    Exchanges.sleep(Duration.ZERO);
  }

  /** Sends a raw request and reads until the server closes or 30 s pass. */
  private static String rawExchange(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder sb = new StringBuilder();
      byte[] buf = new byte[4096];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
      } catch (IOException reset) {
        // a reset after the bytes already read is what a dropped or truncated answer looks like
      }
      return sb.toString();
    }
  }
}
