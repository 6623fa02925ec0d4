package io.ysh.testkit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The built-in {@link ReadinessProbe}s; each describes itself through {@code toString()}. */
final class Probes {

  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final Duration HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private Probes() {}

  /** A human description of any probe, including lambdas that have no useful name. */
  static String describe(ReadinessProbe probe) {
    Class<?> type = probe.getClass();
    if (type.isSynthetic() || type.isAnonymousClass() || type.getName().contains("$$Lambda")) {
      return "a custom probe (give it a description with ReadinessProbe.named)";
    }
    return probe.toString();
  }

  static final class Tcp implements ReadinessProbe {
    private final String host;
    private final int port;

    Tcp(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("not a TCP port: " + port);
      }
      this.port = port;
    }

    @Override
    public boolean isReady(Context context) throws IOException {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        return true;
      }
    }

    @Override
    public String toString() {
      return "a TCP connection to " + host + ":" + port;
    }
  }

  static final class Http implements ReadinessProbe {
    private final URI uri;
    private final IntPredicate statusIsReady;
    private volatile int lastStatus = -1;

    Http(URI uri, IntPredicate statusIsReady) {
      this.uri = Objects.requireNonNull(uri, "uri");
      this.statusIsReady = Objects.requireNonNull(statusIsReady, "statusIsReady");
    }

    @Override
    public boolean isReady(Context context) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(HTTP_REQUEST_TIMEOUT).GET().build();
      int status = SharedClient.INSTANCE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      lastStatus = status;
      return statusIsReady.test(status);
    }

    @Override
    public String toString() {
      return "an accepted HTTP status from GET " + uri
          + (lastStatus < 0 ? "" : " (last status " + lastStatus + ")");
    }
  }

  /** One client for all HTTP probes: each client owns a selector thread. */
  private static final class SharedClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MILLIS))
            .build();

    private SharedClient() {}
  }

  static final class LogLine implements ReadinessProbe {
    private final Pattern pattern;

    LogLine(Pattern pattern) {
      this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean isReady(Context context) {
      return context.anyOutputLineMatches(pattern);
    }

    @Override
    public String toString() {
      return "an output line matching /" + pattern.pattern() + "/";
    }
  }

  enum Immediately implements ReadinessProbe {
    INSTANCE;

    @Override
    public boolean isReady(Context context) {
      return true;
    }

    @Override
    public String toString() {
      return "nothing (immediately ready)";
    }
  }

  static final class AllOf implements ReadinessProbe {
    private final List<ReadinessProbe> probes;

    AllOf(List<ReadinessProbe> probes) {
      this.probes = List.copyOf(probes);
    }

    @Override
    public boolean isReady(Context context) throws Exception {
      for (ReadinessProbe probe : probes) {
        if (!probe.isReady(context)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return probes.stream().map(Probes::describe).collect(Collectors.joining(" and "));
    }
  }

  static final class Named implements ReadinessProbe {
    private final String description;
    private final ReadinessProbe probe;

    Named(String description, ReadinessProbe probe) {
      this.description = description;
      this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public boolean isReady(Context context) throws Exception {
      return probe.isReady(context);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
