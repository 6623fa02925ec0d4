package io.ysh.asaas;

import io.ysh.core.Args;
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
import javax.net.SocketFactory;
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
 * connection errors, 5xx and 429 (waiting at least {@code RateLimit-Reset}), each attempt bounded
 * by the policy's attempt timeout (10 s by default); at most
 * {@link Builder#maxConcurrentGets(int) 50} GETs are in flight at once (Asaas's limit); a circuit
 * breaker stops calls for a while when Asaas keeps failing.
 *
 * <p><b>Creates never duplicate.</b> A create (customer, payment, subscription, transfer, refund)
 * is posted once, with a {@linkplain Builder#createTimeout(Duration) timeout of its own} (60 s
 * by default: Asaas advises at least that for card charges). It is posted again only when the
 * failure proves the request never left this client. After an ambiguous failure (a timeout, a
 * reset after writing, a 5xx, an unreadable 2xx) it is never posted again: the client looks the
 * object up by its {@code externalReference} with backoff for the
 * {@linkplain Builder#settleWindow(Duration) settle window} and returns it when it appears, or
 * throws {@link AsaasOutcomeUnknownException}, which each resource's {@code reconcile} method
 * resolves later. Creates with the same reference are single-flighted in a client, and across
 * processes when the builder is given a {@linkplain Builder#createLeases(io.ysh.cache.Cache)
 * cache}.
 *
 * <p><b>Secrets.</b> The API key is only revealed into the {@code access_token} header; it never
 * appears in logs, exception messages or {@link #toString()}.
 */
public final class AsaasClient {

  /**
   * The default resilience policy: 10 s per read attempt, 60 s per call including retries, 4
   * attempts with backoff between 200 ms and 5 s, the SDK's default circuit breaker. Creates use
   * {@link Builder#createTimeout(Duration)} per attempt instead.
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
  private final Invoices invoices;
  private final Anticipations anticipations;
  private final Notifications notifications;
  private final Splits splits;
  private final Accounts accounts;
  private final PaymentLinks paymentLinks;
  private final Pix pix;

  /** The default timeout of one create POST: Asaas advises at least 60 s for card charges. */
  public static final Duration DEFAULT_CREATE_TIMEOUT = Duration.ofSeconds(60);

  /** The default {@link Builder#maxResponseBytes(long)}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** The default settle window: long enough for a card authorization to land after a timeout. */
  public static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofSeconds(90);

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private AsaasClient(Builder b, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.environment = b.environment;
    HttpClients.Builder hb = HttpClients.builder("asaas")
        // always the policy's: retries and the create's own timeout are built on it
        .callTimeout(b.policy.attemptTimeout())
        .logLevel(b.logLevel)
        .userAgentSuffix(b.userAgentSuffix);
    if (b.httpClient != null) {
      // the caller's connect and read timeouts stand unless set on this builder
      hb.base(b.httpClient);
    }
    Duration connect = b.connectTimeout != null ? b.connectTimeout : b.httpClient == null ? DEFAULT_CONNECT_TIMEOUT : null;
    Duration read = b.readTimeout != null ? b.readTimeout : b.httpClient == null ? DEFAULT_READ_TIMEOUT : null;
    if (connect != null) {
      hb.connectTimeout(connect);
    }
    if (read != null) {
      hb.readTimeout(read);
    }
    OkHttpClient http = hb.build();
    if (b.socketFactory != null) {
      // OkHttp's pool does not tell socket factories apart: a pool of its own keeps these sockets apart.
      http = http.newBuilder().socketFactory(b.socketFactory).connectionPool(new okhttp3.ConnectionPool()).build();
    }
    Invoker invoker = Invoker.create("asaas", AsaasTransport.PROVIDER, b.telemetry, b.policy, ErrorMapper.defaults());
    this.transport = new AsaasTransport(http, b.createTimeout, baseUrl, b.apiKey, invoker, b.policy, b.maxConcurrentGets, b.clock);
    transport.maxResponseBytes(b.maxResponseBytes);
    CreateSettings settings = new CreateSettings(b.createTimeout, b.settleWindow, b.settleInitialDelay, b.settleMaxDelay, b.recentWindow);
    ExactlyOnce once = new ExactlyOnce(b.policy, settings, b.leases == null ? Leases.NONE : b.leases.apply(b.apiKey.reveal(), b.recentWindow));
    this.customers = new Customers(transport, once);
    this.payments = new Payments(transport, once);
    this.subscriptions = new Subscriptions(transport, once);
    this.installments = new Installments(transport);
    this.transfers = new Transfers(transport, once);
    this.finance = new Finance(transport);
    this.webhooks = new WebhookConfigs(transport);
    this.sandbox = new Sandbox(transport, b.environment == AsaasEnvironment.PRODUCTION);
    this.invoices = new Invoices(transport, once);
    this.anticipations = new Anticipations(transport, once);
    this.notifications = new Notifications(transport);
    this.splits = new Splits(transport);
    this.accounts = new Accounts(transport, once);
    this.paymentLinks = new PaymentLinks(transport, once);
    this.pix = new Pix(transport, once);
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
   * NFS-e service invoices and the account's fiscal information.
   *
   * @return the invoices resource
   */
  public Invoices invoices() {
    return invoices;
  }

  /**
   * Anticipations: simulate, request, list, cancel, limits and the automatic setting.
   *
   * @return the anticipations resource
   */
  public Anticipations anticipations() {
    return anticipations;
  }

  /**
   * Customers' notification settings.
   *
   * @return the notifications resource
   */
  public Notifications notifications() {
    return notifications;
  }

  /**
   * Subaccounts (white-label), wallets, and this account's onboarding status and commercial data.
   *
   * @return the accounts resource
   */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * Payment links.
   *
   * @return the payment links resource
   */
  public PaymentLinks paymentLinks() {
    return paymentLinks;
  }

  /**
   * Pix: address keys, static QR codes, paying QR codes, Pix transactions.
   *
   * @return the Pix resource
   */
  public Pix pix() {
    return pix;
  }

  /**
   * Splits paid to and received from other wallets.
   *
   * @return the splits resource
   */
  public Splits splits() {
    return splits;
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
    private Duration connectTimeout;
    private Duration readTimeout;
    private OkHttpClient httpClient;
    private ResiliencePolicy policy = DEFAULT_POLICY;
    private Telemetry telemetry = Telemetry.defaults();
    private int maxConcurrentGets = 50;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private HttpLogLevel logLevel = HttpLogLevel.BASIC;
    private Clock clock = Clock.systemUTC();
    private Duration createTimeout = DEFAULT_CREATE_TIMEOUT;
    private Duration settleWindow = DEFAULT_SETTLE_WINDOW;
    private Duration settleInitialDelay = Duration.ofMillis(500);
    private Duration settleMaxDelay = Duration.ofSeconds(10);
    private Duration recentWindow = Duration.ofMinutes(15);
    private java.util.function.BiFunction<String, Duration, Leases> leases;
    private SocketFactory socketFactory;

    private Builder() {}

    /**
     * Sets the timeout of one create POST (default {@link AsaasClient#DEFAULT_CREATE_TIMEOUT},
     * 60 s: Asaas advises at least that for card charges). Reads keep the policy's attempt
     * timeout.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder createTimeout(Duration timeout) {
      this.createTimeout = positive(timeout, "createTimeout");
      return this;
    }

    /**
     * Sets how long, after an ambiguous create failure, the client keeps looking the object up
     * before it throws {@link AsaasOutcomeUnknownException} (default
     * {@link AsaasClient#DEFAULT_SETTLE_WINDOW}, 90 s). Shorter windows answer faster and leave
     * more outcomes to {@code reconcile}; the client never posts again either way.
     *
     * @param window the window, positive
     * @return this builder
     */
    public Builder settleWindow(Duration window) {
      this.settleWindow = positive(window, "settleWindow");
      return this;
    }

    /**
     * Sets the pauses between look-ups in the settle window: the first pause, doubling up to
     * the longest (defaults 500 ms and 10 s), with jitter. The first look-up is immediate.
     *
     * @param initial the first pause, positive
     * @param max the longest pause, at least {@code initial}
     * @return this builder
     */
    public Builder settleBackoff(Duration initial, Duration max) {
      positive(initial, "initial");
      positive(max, "max");
      if (max.compareTo(initial) < 0) {
        throw YshException.invalidArgument("settleBackoff max must be at least initial");
      }
      this.settleInitialDelay = initial;
      this.settleMaxDelay = max;
      return this;
    }

    /**
     * Coordinates creates across processes through a portable cache (for example Redis): a
     * create takes a short lease on its {@code externalReference} ({@code putIfAbsent} with a
     * TTL) so that two instances creating the same object never both post, and a completed
     * create leaves its id there for 15 minutes so a latecomer returns it instead of posting.
     * Give the cache a namespace of its own. Without one, the same protection holds within this
     * client only. Needs {@code io.ysh:ysh-cache-api} and a driver on the classpath.
     *
     * @param cache the cache
     * @return this builder
     */
    public Builder createLeases(io.ysh.cache.Cache cache) {
      Args.notNull(cache, "cache");
      this.leases = (key, doneTtl) -> new CacheLeases(cache, key, doneTtl);
      return this;
    }

    /** Test hook: the sockets every connection uses, to inject failures before a request is written. */
    Builder socketFactory(SocketFactory factory) {
      this.socketFactory = Args.notNull(factory, "factory");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw YshException.invalidArgument(name + " must be positive");
      }
      return d;
    }

    /**
     * Sets the API key ({@code $aact_prod_…} or {@code $aact_hmlg_…}).
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Args.notNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the environment (and its base URL, unless {@link #baseUrl(String)} overrides it).
     *
     * @param environment PRODUCTION or SANDBOX
     * @return this builder
     */
    public Builder environment(AsaasEnvironment environment) {
      this.environment = Args.notNull(environment, "environment");
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
      this.baseUrl = Args.notNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Appends your application's name and version to the User-Agent (which Asaas requires).
     *
     * @param suffix such as {@code ysh-marketplace/1.4}; null for none
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Sends requests through your {@link OkHttpClient} instead of the SDK's shared one. The
     * client derives from yours ({@link OkHttpClient#newBuilder()}; yours is not changed), so it
     * shares its connection pool, dispatcher, proxy, DNS, TLS settings and event listener, and
     * keeps its interceptors, which run before the SDK's; the SDK adds its User-Agent and its
     * redacting logger. Several clients built from one {@code OkHttpClient} share its
     * connections.
     *
     * <p>Timeouts: connect, read and write keep your client's values unless
     * {@link #connectTimeout(Duration)} or {@link #readTimeout(Duration)} is set here. The call
     * timeout is always overridden: each read attempt is bounded by the resilience policy's
     * attempt timeout and each create by {@link #createTimeout(Duration)} (its read timeout
     * too, so a slow card authorization is not cut short), because retries and the
     * never-duplicate create are built on them. OkHttp's retry on connection failure is
     * turned off (a silently re-sent POST could charge twice).
     *
     * <p>Interceptors already on your client see the {@code access_token} header before the SDK
     * redacts anything: do not log headers there.
     *
     * @param client your client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Args.notNull(client, "client");
      return this;
    }

    /**
     * Sets the TCP connect timeout (default 5 s, or the {@linkplain #httpClient(OkHttpClient)
     * given client's}).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Args.notNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the socket read timeout (default 30 s, or the {@linkplain #httpClient(OkHttpClient)
     * given client's}). The whole attempt is also bounded by the policy's attempt timeout.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Args.notNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the resilience policy (default {@link AsaasClient#DEFAULT_POLICY}). Its retry policy
     * applies to reads, and to creates only when a failure proves the request never left.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.policy = Args.notNull(policy, "policy");
      return this;
    }

    /**
     * Sets the telemetry (default SLF4J).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Caps the size of a response body read into memory (default
     * {@link AsaasClient#DEFAULT_MAX_RESPONSE_BYTES}, 16 MiB). A larger answer fails with
     * {@code INTERNAL} (not retryable) as soon as the limit is passed, without the rest being
     * read; after a create, reconcile by {@code externalReference} as after any unknown outcome.
     *
     * @param bytes the limit, at least 1
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when not positive
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw YshException.invalidArgument("maxResponseBytes must be at least 1, got " + bytes);
      }
      this.maxResponseBytes = bytes;
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
      this.logLevel = Args.notNull(level, "level");
      return this;
    }

    /**
     * Sets the clock used to check that due dates are not in the past (tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Args.notNull(clock, "clock");
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
