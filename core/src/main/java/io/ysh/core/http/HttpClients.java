package io.ysh.core.http;

import io.ysh.core.SdkVersion;
import java.io.IOException;
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
import okhttp3.Response;

/**
 * The one place the SDK builds OkHttp clients, so every HTTP integration shares the same
 * timeouts, User-Agent, connection pool and redacting logger.
 *
 * <p>Clients built here derive from one shared base client ({@link OkHttpClient#newBuilder()}),
 * so they share its connection pool and dispatcher threads unless a builder asks for its own
 * pool: creating many clients is cheap. An application that already has an {@link OkHttpClient}
 * passes it to {@link Builder#base(OkHttpClient)}, and the SDK's clients then derive from that
 * one instead, sharing its pool, dispatcher, proxy and TLS settings. The User-Agent is
 * {@code ysh-sdk/<version> (<module>; java/<version>)} plus an optional suffix, set on every
 * request that has none.
 */
public final class HttpClients {

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

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
   * @return a builder with the defaults: the SDK's shared base client, 10 s connect, 30 s read
   *     and write, 60 s call timeout, logging at {@link HttpLogLevel#BASIC} with the default
   *     {@link Redactor}
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
    // null: not set here, so the base's value (the SDK's default over the SDK's own base)
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private OkHttpClient base;
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
     * Derives the client from yours instead of the SDK's shared base client, so that it shares
     * your connection pool, dispatcher (threads and request limits), proxy, DNS, TLS settings,
     * event listener and interceptors; yours run before the SDK's. On top of it the SDK adds its
     * User-Agent and redacting logger (replacing any the SDK added to your client before, so
     * they are never doubled) and turns off OkHttp's silent retry on connection failure (a
     * re-sent POST is how payment gateways get duplicate charges; retries are the resilience
     * policy's decision).
     *
     * <p>Timeouts: each one not set on this builder keeps your client's value; each one set here
     * overrides it for the derived client only (your client is never changed). Interceptors
     * already on your client see requests before the SDK redacts anything: do not log
     * credentials there.
     *
     * @param client your client
     * @return this builder
     */
    public Builder base(OkHttpClient client) {
      this.base = Objects.requireNonNull(client, "client");
      return this;
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
     * @return a client sharing the base's pool and dispatcher (the SDK's, or the one given to
     *     {@link #base(OkHttpClient)}) unless a pool of its own was asked for
     */
    public OkHttpClient build() {
      String ua = userAgent(module) + (userAgentSuffix == null || userAgentSuffix.isBlank() ? "" : " " + userAgentSuffix.strip());
      OkHttpClient.Builder b =
          (base != null ? base : BASE)
              .newBuilder()
              // Retries are the resilience policy's decision, never OkHttp's silent one: a
              // silently re-sent POST is how payment gateways get duplicate charges.
              .retryOnConnectionFailure(false);
      Duration connect = timeout(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
      Duration read = timeout(readTimeout, DEFAULT_READ_TIMEOUT);
      Duration write = timeout(writeTimeout, DEFAULT_WRITE_TIMEOUT);
      Duration call = timeout(callTimeout, DEFAULT_CALL_TIMEOUT);
      if (connect != null) {
        b.connectTimeout(connect);
      }
      if (read != null) {
        b.readTimeout(read);
      }
      if (write != null) {
        b.writeTimeout(write);
      }
      if (call != null) {
        b.callTimeout(call);
      }
      if (connectionPool != null) {
        b.connectionPool(connectionPool);
      }
      if (sslSocketFactory != null) {
        b.sslSocketFactory(sslSocketFactory, trustManager);
      }
      // A base built by this factory already carries the SDK's User-Agent and logger: replace them.
      b.interceptors().removeIf(i -> i instanceof UserAgentInterceptor);
      b.networkInterceptors().removeIf(i -> i instanceof RedactingLoggingInterceptor);
      b.addInterceptor(new UserAgentInterceptor(ua));
      interceptors.forEach(b::addInterceptor);
      networkInterceptors.forEach(b::addNetworkInterceptor);
      // OkHttp parses a 503's Retry-After as an int and throws NumberFormatException for more
      // digits than that: a hostile or broken server must not turn into a crash.
      b.addNetworkInterceptor(HttpClients::saneRetryAfter);
      if (logLevel != HttpLogLevel.NONE) {
        b.addNetworkInterceptor(new RedactingLoggingInterceptor(logLevel, redactor));
      }
      return b.build();
    }

    /** The value to set: this builder's, else the SDK default over the SDK's base, else none (keep the caller's). */
    private Duration timeout(Duration set, Duration sdkDefault) {
      if (set != null) {
        return set;
      }
      return base == null ? sdkDefault : null;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }

  /** Sets the SDK's User-Agent on requests that have none. */
  private static final class UserAgentInterceptor implements Interceptor {
    private final String userAgent;

    UserAgentInterceptor(String userAgent) {
      this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      var request = chain.request();
      if (request.header("User-Agent") == null) {
        request = request.newBuilder().header("User-Agent", userAgent).build();
      }
      return chain.proceed(request);
    }
  }

  // A Retry-After of delay-seconds too large for an int is clamped to Integer.MAX_VALUE (what
  // OkHttp reads as "do not retry"); anything else is passed on untouched.
  private static okhttp3.Response saneRetryAfter(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
    okhttp3.Response r = chain.proceed(chain.request());
    String v = r.header("Retry-After");
    if (v != null) {
      String t = v.strip();
      if (t.length() > 9 && !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return r.newBuilder().header("Retry-After", String.valueOf(Integer.MAX_VALUE)).build();
      }
    }
    return r;
  }
}
