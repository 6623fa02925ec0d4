package io.ysh.core.http;

import io.ysh.core.SdkVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one place the SDK builds OkHttp clients, so every HTTP integration shares the same
 * timeouts, User-Agent, connection pool and redacting logger.
 *
 * <p>Clients built here derive from one shared base client ({@link OkHttpClient#newBuilder()}),
 * so they share its connection pool and dispatcher threads unless a builder asks for its own
 * pool: creating many clients is cheap. The User-Agent is
 * {@code ysh-sdk/<version> (<module>; java/<version>)} plus an optional suffix, set on every
 * request that has none.
 */
public final class HttpClients {

  private static final OkHttpClient BASE =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
          .dispatcher(newDispatcher())
          .build();

  private HttpClients() {}

  /**
   * Starts a client for one SDK module.
   *
   * @param module the module's short name for the User-Agent, such as {@code asaas}
   * @return a builder with the defaults: 10 s connect, 30 s read and write, 60 s call timeout,
   *     logging at {@link HttpLogLevel#BASIC} with the default {@link Redactor}
   */
  public static Builder builder(String module) {
    return new Builder(module);
  }

  /**
   * The User-Agent the SDK sends for a module.
   *
   * @param module the module's short name
   * @return {@code ysh-sdk/<version> (<module>; java/<version>)}
   */
  public static String userAgent(String module) {
    return "ysh-sdk/" + SdkVersion.get() + " (" + module + "; java/" + System.getProperty("java.version") + ")";
  }

  private static Dispatcher newDispatcher() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(128);
    d.setMaxRequestsPerHost(64);
    return d;
  }

  /** Configures an {@link OkHttpClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private final String module;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String userAgentSuffix;
    private HttpLogLevel logLevel = HttpLogLevel.BASIC;
    private Redactor redactor = Redactor.defaults();
    private ConnectionPool connectionPool;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private final List<Interceptor> networkInterceptors = new ArrayList<>();

    private Builder(String module) {
      this.module = Objects.requireNonNull(module, "module");
    }

    /**
     * Sets the TCP connect timeout.
     *
     * @param timeout a non-negative duration; zero means none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the socket read timeout (between bytes).
     *
     * @param timeout a non-negative duration; zero means none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the socket write timeout (between bytes).
     *
     * @param timeout a non-negative duration; zero means none
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the bound on a whole call: connect, write, server time and reading the body.
     * Usually the resilience policy's attempt timeout.
     *
     * @param timeout a non-negative duration; zero means none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * Appends text to the User-Agent, such as an application's name and version.
     *
     * @param suffix the suffix, or null for none
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Sets how much of each exchange is logged (through SLF4J logger {@code io.ysh.http}).
     *
     * @param level the level
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the redactor applied to logged URLs, headers and bodies.
     *
     * @param redactor the redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * Gives this client its own connection pool instead of the shared one.
     *
     * @param pool the pool
     * @return this builder
     */
    public Builder connectionPool(ConnectionPool pool) {
      this.connectionPool = Objects.requireNonNull(pool, "pool");
      return this;
    }

    /**
     * Uses a custom TLS configuration, for example a trust store that adds an intermediate
     * certificate a server fails to send.
     *
     * @param sslSocketFactory the socket factory
     * @param trustManager the trust manager behind it
     * @return this builder
     */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
      return this;
    }

    /**
     * Adds an application interceptor (runs once per call, before retries and redirects).
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Adds a network interceptor (runs once per network exchange).
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addNetworkInterceptor(Interceptor interceptor) {
      networkInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a client sharing the SDK's base pool and dispatcher unless configured otherwise
     */
    public OkHttpClient build() {
      String ua = userAgent(module) + (userAgentSuffix == null || userAgentSuffix.isBlank() ? "" : " " + userAgentSuffix.strip());
      OkHttpClient.Builder b =
          BASE.newBuilder()
              .connectTimeout(connectTimeout)
              .readTimeout(readTimeout)
              .writeTimeout(writeTimeout)
              .callTimeout(callTimeout)
              // Retries are the resilience policy's decision, never OkHttp's silent one: a
              // silently re-sent POST is how payment gateways get duplicate charges.
              .retryOnConnectionFailure(false);
      if (connectionPool != null) {
        b.connectionPool(connectionPool);
      }
      if (sslSocketFactory != null) {
        b.sslSocketFactory(sslSocketFactory, trustManager);
      }
      b.addInterceptor(
          chain -> {
            var request = chain.request();
            if (request.header("User-Agent") == null) {
              request = request.newBuilder().header("User-Agent", ua).build();
            }
            return chain.proceed(request);
          });
      interceptors.forEach(b::addInterceptor);
      networkInterceptors.forEach(b::addNetworkInterceptor);
      if (logLevel != HttpLogLevel.NONE) {
        b.addNetworkInterceptor(new RedactingLoggingInterceptor(logLevel, redactor));
      }
      return b.build();
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
