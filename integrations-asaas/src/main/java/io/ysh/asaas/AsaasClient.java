package io.ysh.asaas;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpClients;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.CircuitBreakerPolicy;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client for the Asaas API v3. Build one per API key and share it: it is immutable and
 * thread-safe, and its circuit breaker and GET bulkhead are per client.
 *
 * <pre>{@code
 * AsaasClient asaas = AsaasClient.builder()
 *     .apiKey(Secret.of(System.getenv("ASAAS_API_KEY")))
 *     .environment(AsaasEnvironment.SANDBOX)
 *     .userAgentSuffix("ysh-marketplace/1.4")
 *     .build();
 * Customer c = asaas.customers().getOrCreate(CustomerRequest.builder()
 *     .name("Maria Silva").cpfCnpj("529.982.247-25").build());
 * Payment p = asaas.payments().create(PaymentRequest.builder()
 *     .customer(c.id()).billingType(BillingType.PIX)
 *     .value(Money.of("150.00")).dueDate(LocalDate.now().plusDays(3)).build());
 * PixQrCode qr = asaas.payments().pixQrCode(p.id());
 * }</pre>
 *
 * <p><b>Resilience.</b> GETs (and PUTs) are retried with exponential backoff and full jitter on
 * connection errors, 5xx and 429 (waiting at least {@code RateLimit-Reset}); at most
 * {@link Builder#maxConcurrentGets(int) 50} GETs are in flight at once (Asaas's limit); a circuit
 * breaker stops calls for a while when Asaas keeps failing. Creates are never re-posted blindly:
 * see {@link Payments}.
 *
 * <p><b>Secrets.</b> The API key is only revealed into the {@code access_token} header; it never
 * appears in logs, exception messages or {@link #toString()}.
 */
public final class AsaasClient {

  /**
   * The default resilience policy: 10 s per attempt, 60 s per call including retries, 4
   * attempts with backoff between 200 ms and 5 s, the SDK's default circuit breaker.
   */
  public static final ResiliencePolicy DEFAULT_POLICY =
      ResiliencePolicy.builder()
          .attemptTimeout(Duration.ofSeconds(10))
          .totalTimeout(Duration.ofSeconds(60))
          .retry(RetryPolicy.exponential(4, Duration.ofMillis(200), Duration.ofSeconds(5)))
          .circuitBreaker(CircuitBreakerPolicy.defaults())
          .build();

  private final HttpUrl baseUrl;
  private final AsaasEnvironment environment;
  private final AsaasTransport transport;
  private final Customers customers;
  private final Payments payments;
  private final Subscriptions subscriptions;
  private final Installments installments;
  private final Transfers transfers;
  private final Finance finance;
  private final WebhookConfigs webhooks;
  private final Sandbox sandbox;

  private AsaasClient(Builder b, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.environment = b.environment;
    HttpClients.Builder hb = HttpClients.builder("asaas")
        .callTimeout(b.policy.attemptTimeout())
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .logLevel(b.logLevel)
        .userAgentSuffix(b.userAgentSuffix);
    OkHttpClient http = hb.build();
    Invoker invoker = Invoker.create("asaas", AsaasTransport.PROVIDER, b.telemetry, b.policy, ErrorMapper.defaults());
    this.transport = new AsaasTransport(http, baseUrl, b.apiKey, invoker, b.policy, b.maxConcurrentGets, b.clock);
    this.customers = new Customers(transport);
    this.payments = new Payments(transport);
    this.subscriptions = new Subscriptions(transport);
    this.installments = new Installments(transport);
    this.transfers = new Transfers(transport);
    this.finance = new Finance(transport);
    this.webhooks = new WebhookConfigs(transport);
    this.sandbox = new Sandbox(transport, b.environment == AsaasEnvironment.PRODUCTION);
  }

  /**
   * Starts a builder. An API key is required; the environment defaults to SANDBOX.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Customers.
   *
   * @return the customers resource
   */
  public Customers customers() {
    return customers;
  }

  /**
   * Payments, refunds, PIX QR codes and boleto lines.
   *
   * @return the payments resource
   */
  public Payments payments() {
    return payments;
  }

  /**
   * Subscriptions.
   *
   * @return the subscriptions resource
   */
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  /**
   * Installment plans.
   *
   * @return the installments resource
   */
  public Installments installments() {
    return installments;
  }

  /**
   * Transfers.
   *
   * @return the transfers resource
   */
  public Transfers transfers() {
    return transfers;
  }

  /**
   * Balance and statement.
   *
   * @return the finance resource
   */
  public Finance finance() {
    return finance;
  }

  /**
   * Webhook configuration.
   *
   * @return the webhook configuration resource
   */
  public WebhookConfigs webhooks() {
    return webhooks;
  }

  /**
   * Sandbox helpers (refused in production).
   *
   * @return the sandbox resource
   */
  public Sandbox sandbox() {
    return sandbox;
  }

  /**
   * The environment, when the client was built with one rather than a custom URL only.
   *
   * @return the environment
   */
  public Optional<AsaasEnvironment> environment() {
    return Optional.ofNullable(environment);
  }

  /**
   * The base URL requests go to.
   *
   * @return the base URL, including {@code /v3} for the real environments
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * The resilience executor, for reading the circuit breaker's state or binding its metrics.
   *
   * @return the executor
   */
  public io.ysh.core.resilience.Resilience resilience() {
    return transport.invoker().resilience();
  }

  @Override
  public String toString() {
    return "AsaasClient[" + (environment == null ? "custom" : environment) + ", " + baseUrl + "]";
  }

  /** Configures an {@link AsaasClient}. Not thread-safe. */
  public static final class Builder {
    private Secret apiKey;
    private AsaasEnvironment environment;
    private String baseUrl;
    private String userAgentSuffix;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private ResiliencePolicy policy = DEFAULT_POLICY;
    private Telemetry telemetry = Telemetry.defaults();
    private int maxConcurrentGets = 50;
    private HttpLogLevel logLevel = HttpLogLevel.BASIC;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the API key ({@code $aact_prod_…} or {@code $aact_hmlg_…}).
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the environment (and its base URL, unless {@link #baseUrl(String)} overrides it).
     *
     * @param environment PRODUCTION or SANDBOX
     * @return this builder
     */
    public Builder environment(AsaasEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Sends requests to a custom base URL (a simulator, a proxy), for example
     * {@code http://127.0.0.1:8089/v3}. When no environment is set, the key's prefix is not
     * checked.
     *
     * @param baseUrl an http(s) URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Appends your application's name and version to the User-Agent (which Asaas requires).
     *
     * @param suffix such as {@code ysh-marketplace/1.4}
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Sets the TCP connect timeout (default 5 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the socket read timeout (default 30 s). The whole attempt is also bounded by the
     * policy's attempt timeout.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the resilience policy (default {@link AsaasClient#DEFAULT_POLICY}). Its retry policy
     * applies to reads and, through look-up-before-repost, to creates.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the telemetry (default SLF4J).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Caps concurrent GETs (default 50, Asaas's limit). Further GETs wait for a slot up to the
     * policy's total timeout, then fail with {@code RATE_LIMITED}.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxConcurrentGets(int max) {
      if (max < 1) {
        throw YshException.invalidArgument("maxConcurrentGets must be at least 1");
      }
      this.maxConcurrentGets = max;
      return this;
    }

    /**
     * Sets how much of each exchange is logged (redacted) on logger {@code io.ysh.http}.
     *
     * @param level the level (default BASIC)
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the clock used to check that due dates are not in the past (tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client without contacting Asaas.
     *
     * @return the client
     * @throws YshException {@code INVALID_ARGUMENT} when the key is missing or blank, when its
     *     prefix belongs to the other environment, or when the base URL is not http(s)
     */
    public AsaasClient build() {
      if (apiKey == null || apiKey.isEmpty() || apiKey.reveal().isBlank()) {
        throw YshException.invalidArgument("apiKey is required");
      }
      String key = apiKey.reveal();
      if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw YshException.invalidArgument("apiKey contains whitespace or non-ASCII characters (copy it again, including the leading $)");
      }
      if (environment == null && baseUrl == null) {
        environment = AsaasEnvironment.SANDBOX;
      }
      if (environment != null && environment.isForeignKey(key)) {
        AsaasEnvironment other = environment == AsaasEnvironment.PRODUCTION ? AsaasEnvironment.SANDBOX : AsaasEnvironment.PRODUCTION;
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
            .provider(AsaasTransport.PROVIDER)
            .detail("apiKey belongs to " + other + " but the client is configured for " + environment
                + "; Asaas would answer 401")
            .build();
      }
      String url = baseUrl != null ? baseUrl : environment.baseUrl();
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw YshException.invalidArgument("baseUrl is not an http(s) URL");
      }
      return new AsaasClient(this, parsed);
    }
  }
}
