package io.ysh.examples;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.ysh.aneel.AneelClient;
import io.ysh.aneel.Lei14300;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.AsaasWebhooks;
import io.ysh.asaas.BillingType;
import io.ysh.asaas.CacheWebhookEventStore;
import io.ysh.asaas.Customer;
import io.ysh.asaas.CustomerRequest;
import io.ysh.asaas.Payment;
import io.ysh.asaas.PaymentEvent;
import io.ysh.asaas.PaymentEventType;
import io.ysh.asaas.PaymentRequest;
import io.ysh.asaas.PaymentStatus;
import io.ysh.asaas.PixQrCode;
import io.ysh.asaas.WebhookConfigRequest;
import io.ysh.cache.Cache;
import io.ysh.cache.Codec;
import io.ysh.cache.TypedCache;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.json.Json;
import io.ysh.core.url.ResourceUrl;
import io.ysh.examples.solar.QuoteInput;
import io.ysh.examples.solar.SolarQuote;
import io.ysh.examples.solar.SolarQuoteCalculator;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.SubscribeOptions;
import io.ysh.queue.Subscriber;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretStore;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.WriteOptions;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quick start: a solar quote-to-cash flow for one YSH customer, on embedded defaults, in a
 * few seconds, with no account and no server. Each provider is a URL (see {@link DemoConfig}), so
 * the same code runs against MinIO/S3, Redis, Vault, RabbitMQ/SQS, the Asaas sandbox and the ANEEL
 * portal.
 *
 * <ol>
 *   <li>Tariffs: ANEEL open data through {@link AneelClient} and {@code TariffCalculator}, cached
 *       through {@link Cache} (the second lookup is a cache hit);
 *   <li>Quote: {@link SolarQuoteCalculator}; the quote JSON goes to {@link ObjectStorage};
 *   <li>Secrets: the Asaas API key from {@link SecretStore}, as a {@link Secret} (never printed);
 *   <li>Charge: customer and PIX charge with {@link AsaasClient}; {@code quote.charged} on a {@link Topic};
 *   <li>Payment: Asaas confirms and posts {@code PAYMENT_RECEIVED} (twice) to a webhook endpoint on
 *       the JDK's HTTP server; {@link AsaasWebhooks} verifies and dedupes it through the cache; a
 *       {@link Subscription} consumer marks the quote paid in storage;
 *   <li>Report with timings.
 * </ol>
 *
 * <p>Run it with {@code mvn -q -DskipTests -Pdemo -pl examples -am verify}.
 */
public final class QuickStartDemo {

  /** The name of the Asaas API key in the secret store. */
  public static final String API_KEY_SECRET = "asaas-api-key";

  /** The name of the webhook token in the secret store. */
  public static final String WEBHOOK_TOKEN_SECRET = "asaas-webhook-token";

  private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final DemoConfig config;
  private final PrintStream out;

  /**
   * A demo.
   *
   * @param config the providers and the customer
   * @param out where the report goes
   */
  public QuickStartDemo(DemoConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Runs the demo with the configuration from the environment ({@link DemoConfig#fromEnvironment}).
   *
   * @param args ignored
   * @throws Exception if the demo breaks
   */
  public static void main(String[] args) throws Exception {
    new QuickStartDemo(DemoConfig.fromEnvironment(System.getenv()), System.out).run();
  }

  /**
   * Runs every step and prints the report.
   *
   * @return what happened
   * @throws Exception if a step fails
   */
  public DemoResult run() throws Exception {
    try (Run run = new Run()) {
      return run.execute();
    }
  }

  /** One run: the resources it opened (closed in reverse order) and what it saw. */
  private final class Run implements AutoCloseable {
    private final Deque<AutoCloseable> closer = new ArrayDeque<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private final List<String> summary = new java.util.ArrayList<>();
    private final List<String> consumed = new CopyOnWriteArrayList<>();
    private final List<Throwable> consumerErrors = new CopyOnWriteArrayList<>();
    private final CountDownLatch paid = new CountDownLatch(1);
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger processed = new AtomicInteger();
    private final String quoteId =
        "q-" + LocalDate.now(BRAZIL).toString().replace("-", "") + "-" + HexFormat.of().formatHex(random(4));

    private ObjectStorage storage;
    private Cache cache;
    private Topic topic;
    private volatile AsaasClient asaas;

    DemoResult execute() throws Exception {
      out.println("YSH SDK quick start: solar quote-to-cash, from ANEEL tariff to PIX payment");
      out.println("========================================================================");
      out.printf("storage  %s%ncache    %s%nsecrets  %s%nqueue    %s -> %s%nAsaas    %s%nANEEL    %s%n%n",
          shown(config.storageUrl()), shown(config.cacheUrl()), shown(config.secretsUrl()), shown(config.topicUrl()),
          shown(config.subscriptionUrl()), config.asaasUrl().map(QuickStartDemo::shown).orElse("in-process AsaasSimulator (ysh-asaas-simulator)"),
          config.aneelUrl().map(QuickStartDemo::shown).orElse("in-process AneelSimulator (ysh-aneel-simulator) serving real ANEEL extracts and a synthetic components sample"));
      storage = add(ObjectStorage.open(config.storageUrl()));
      cache = add(Cache.open(config.cacheUrl()));
      topic = add(Topic.open(config.topicUrl()));

      TariffResult tariff = step("1. Tariffs", "ANEEL open data -> TariffCalculator, cached", this::tariffs);
      QuoteResult quote = step("2. Quote", "size the PV system, price the bills, store the quote", () -> quote(tariff));
      Secrets secrets = step("3. Secrets", "the Asaas API key from the secret store", this::secrets);
      Charge charge = step("4. Charge", "customer + PIX charge on Asaas, quote.charged on the queue", () -> charge(quote, secrets));
      step("5. Payment", "Asaas confirms, webhook -> verify -> dedupe -> queue -> quote PAID", () -> payment(charge, secrets));

      String status = Json.mapper().readValue(storage.getBytes(QuoteDocument.key(quoteId)), QuoteDocument.class).status();
      report(status);
      return new DemoResult(tariff.snapshot, tariff.loads, tariff.secondHit, quote.quote, QuoteDocument.key(quoteId), status,
          charge.paymentId, charge.pixPayload, deliveries.get(), processed.get(), consumed, timings);
    }

    // ---------------------------------------------------------------- 1. tariffs

    TariffResult tariffs() {
      long s0 = System.nanoTime();
      String base = config.aneelUrl().orElseGet(() -> add(TariffLookup.startSimulator()).baseUrl());
      long simulatorStart = config.aneelUrl().isPresent() ? -1 : System.nanoTime() - s0;
      TariffLookup lookup = new TariffLookup(AneelClient.builder().baseUrl(base).logLevel(HttpLogLevel.NONE).build());
      TypedCache<TariffSnapshot> tariffs = cache.as(Codec.json(TariffSnapshot.class));
      String key = "tariff:" + config.distributor() + ":B1-residencial:" + config.tariffDate();
      long t0 = System.nanoTime();
      TariffSnapshot first = tariffs.getOrLoad(key, Duration.ofHours(6), () -> lookup.b1Residential(config.distributor(), config.tariffDate()));
      long t1 = System.nanoTime();
      int loadsAfterFirst = lookup.loads();
      TariffSnapshot second = tariffs.getOrLoad(key, Duration.ofHours(6), () -> lookup.b1Residential(config.distributor(), config.tariffDate()));
      long t2 = System.nanoTime();
      boolean secondHit = lookup.loads() == loadsAfterFirst && second.equals(first);
      tariffs.getOrLoad(key, Duration.ofHours(6), () -> lookup.b1Residential(config.distributor(), config.tariffDate()));
      long t3 = System.nanoTime();
      boolean thirdHit = lookup.loads() == loadsAfterFirst;
      // the first hits above are cold (they load the classes of the hit path and set up the JSON
      // codec's reader): what a hit costs in a running service is the warm figure
      long w0 = System.nanoTime();
      long warm = warmHitNanos(() -> tariffs.getOrLoad(key, Duration.ofHours(6),
          () -> lookup.b1Residential(config.distributor(), config.tariffDate())));
      long warmTiming = System.nanoTime() - w0;
      thirdHit &= lookup.loads() == loadsAfterFirst;

      out.printf("   %s (CNPJ %s), B1 residencial convencional on %s%n", first.distributorAcronym(),
          Cnpj.parse(first.distributorCnpj()).formatted(), first.date());
      out.printf("   %s%n", first.resolution());
      out.printf("   TUSD %s + TE %s R$/MWh, flag %s +%s R$/MWh  =>  R$ %s/kWh before taxes%n",
          first.tusdPerMwh().toPlainString(), first.tePerMwh().toPlainString(), first.flag(),
          first.flagPerMwh().toPlainString(), first.totalPerKwh().toPlainString());
      if (simulatorStart >= 0) {
        out.printf("   ANEEL simulator started in %s (it parses the real extracts; a service calling ANEEL has no such step)%n",
            ms(simulatorStart));
      }
      out.printf("   1st lookup: %s in %s (cold start: first HTTP call, class loading)%n",
          loadsAfterFirst == 1 ? "cache miss, loaded from ANEEL" : "cache hit", ms(t1 - t0));
      out.printf("   2nd lookup: %s in %s (cold: the first hit loads its classes and the JSON codec)%n",
          secondHit ? "cache hit" : "cache MISS", ms(t2 - t1));
      out.printf("   3rd lookup: %s in %s%n", thirdHit ? "cache hit" : "cache MISS", ms(t3 - t2));
      out.printf("   warm cache hit: %s each (after a JIT warm-up, median of %d rounds of %,d hits; timing it took %s of"
          + " this step)%n", us(warm), WARM_ROUNDS, WARM_HITS, ms(warmTiming));
      summary.add(String.format("%s B1 R$ %s/kWh; cache hit %s warm (first hit %s cold)", first.distributorAcronym(),
          first.totalPerKwh().toPlainString(), us(warm), ms(t2 - t1)));
      return new TariffResult(first, lookup.loads(), secondHit && thirdHit);
    }

    // ---------------------------------------------------------------- 2. quote

    QuoteResult quote(TariffResult tariff) throws IOException {
      TariffSnapshot t = tariff.snapshot;
      // the distributor's own TUSD_FioB when ANEEL's components have it; an explicit override wins;
      // the labelled approximation only when neither is there
      boolean approximated = config.fioBPerMwh().isEmpty() && t.fioBPerMwh() == null;
      BigDecimal fioBPerMwh = config.fioBPerMwh()
          .or(() -> java.util.Optional.ofNullable(t.fioBPerMwh()))
          .orElseGet(() -> t.tusdPerMwh().multiply(DemoConfig.FIO_B_SHARE_OF_TUSD).setScale(2, RoundingMode.HALF_UP));
      // A system quoted today requests grid access after 2023-01-07: it pays the growing Fio B share.
      Optional<BigDecimal> lawShare = Lei14300.fioBShare(Lei14300.GRANDFATHERED_UNTIL.plusDays(1), config.quoteYear());
      BigDecimal share = lawShare.orElse(new BigDecimal("0.90"));
      SolarQuoteCalculator calculator = new SolarQuoteCalculator();
      SolarQuote q = calculator.quote(new QuoteInput(config.monthlyConsumptionKwh(), config.peakSunHours(), config.connection(),
          t.totalPerKwh(), fioBPerMwh.movePointLeft(3), share, config.systemPrice()));

      out.printf("   %s kWh/month, %s peak sun hours, performance ratio %s  =>  %s kWp, %s kWh/month%n",
          q.input().monthlyConsumptionKwh().toPlainString(), q.input().peakSunHours().toPlainString(),
          SolarQuoteCalculator.DEFAULT_PERFORMANCE_RATIO.toPlainString(), q.systemKwp().toPlainString(),
          q.monthlyGenerationKwh().toPlainString());
      out.printf("   bill before  %s  (%s kWh x R$ %s)%n", q.billBefore().format(),
          config.connection().billableKwh(q.input().monthlyConsumptionKwh()).toPlainString(), t.totalPerKwh().toPlainString());
      out.printf("   bill after   %s  = minimum %s kWh (%s) %s + Fio B %s%n", q.billAfter().format(),
          config.connection().minimumKwh(), connectionName(), q.energyAfter().format(), q.fioBCharge().format());
      out.printf("   Fio B        Lei 14.300, %d: %s%% of Fio B R$ %s/MWh on %s compensated kWh%s%n", config.quoteYear(),
          share.movePointRight(2).stripTrailingZeros().toPlainString(), fioBPerMwh.toPlainString(),
          q.compensatedKwh().toPlainString(), lawShare.isPresent() ? "" : " (from 2029 ANEEL sets it: 90% assumed)");
      if (approximated) {
        out.printf("                Fio B approximated as %s%% of the B1 TUSD: %s;%n"
            + "                set YSH_FIOB_RS_MWH to the distributor's TUSD_FioB for a real quote%n",
            DemoConfig.FIO_B_SHARE_OF_TUSD.movePointRight(2).stripTrailingZeros().toPlainString(), t.fioBSource());
      } else if (config.fioBPerMwh().isPresent()) {
        out.printf("                Fio B from YSH_FIOB_RS_MWH%n");
      } else {
        out.printf("                Fio B = %s's TUSD_FioB from ANEEL's componentes-tarifarias (%s)%s%n", t.distributorAcronym(),
            t.fioBSource(), config.aneelUrl().isPresent() ? "" : ";\n                offline, the simulator serves a SYNTHETIC components sample: a made-up value");
      }
      out.printf("   savings      %s/month; system %s  =>  payback %s%n", q.monthlySavings().format(),
          q.input().systemPrice().format(), payback(q));

      QuoteDocument doc = QuoteDocument.quoted(quoteId, "Maria Silva", t, q, fioBPerMwh, approximated);
      byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
      storage.put(QuoteDocument.key(quoteId), json, WriteOptions.builder().contentType("application/json").build());
      out.printf("   stored       %s (%d bytes, %s)%n", QuoteDocument.key(quoteId), json.length, storage.provider());
      summary.add(String.format("%s kWp, saves %s/month, payback %s", q.systemKwp().toPlainString(),
          q.monthlySavings().format(), payback(q)));
      return new QuoteResult(q, doc);
    }

    // ---------------------------------------------------------------- 3. secrets

    Secrets secrets() {
      SecretStore secrets = add(SecretStore.open(config.secretsUrl()));
      boolean simulator = config.asaasUrl().isEmpty();
      boolean seeded = false;
      if (secrets.getOptional(API_KEY_SECRET).isEmpty()) {
        if (!simulator || !secrets.supports(SecretCapability.PUT)) {
          throw YshException.of(ErrorCode.NOT_FOUND, "secret '" + API_KEY_SECRET + "' is missing from "
              + shown(config.secretsUrl()) + ": store your Asaas (sandbox) API key there");
        }
        // Only the default set-up is seeded, with the key the simulator accepts.
        secrets.put(API_KEY_SECRET, Secret.of(AsaasSimulator.DEFAULT_API_KEY));
        seeded = true;
      }
      Secret apiKey = secrets.get(API_KEY_SECRET).secret();
      Secret token = secrets.getOptional(WEBHOOK_TOKEN_SECRET).map(v -> v.secret()).orElse(null);
      String tokenSource = "read from the store";
      if (token == null) {
        token = Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random(36)));
        if (secrets.supports(SecretCapability.PUT)) {
          secrets.put(WEBHOOK_TOKEN_SECRET, token);
          tokenSource = "generated and stored";
        } else {
          tokenSource = "generated for this run (store is read-only)";
        }
      }
      out.printf("   %s: %s %s%n", API_KEY_SECRET, apiKey, seeded ? "(seeded by the demo with the simulator's key)" : "(read)");
      out.printf("   %s: %s %s%n", WEBHOOK_TOKEN_SECRET, token, tokenSource);
      out.printf("   values stay inside Secret: toString, logs and error messages show ****%n");
      summary.add("API key read from " + secrets.provider() + ", never printed");
      return new Secrets(apiKey, token);
    }

    // ---------------------------------------------------------------- 4. charge

    Charge charge(QuoteResult quote, Secrets secrets) throws Exception {
      String base;
      AsaasSimulator sim = null;
      if (config.asaasUrl().isPresent()) {
        base = config.asaasUrl().get();
      } else {
        sim = add(AsaasSimulator.builder().apiKey(secrets.apiKey.reveal()).start());
        base = sim.baseUrl();
      }
      asaas = AsaasClient.builder().apiKey(secrets.apiKey).baseUrl(base).logLevel(HttpLogLevel.NONE)
          .userAgentSuffix("ysh-quick-start").build();

      Subscription subscription = add(Subscription.open(config.subscriptionUrl()));
      Subscriber worker = subscription.subscribe(this::consume, SubscribeOptions.defaults().withMaxConcurrency(2));
      closer.push(() -> worker.close(Duration.ofSeconds(5)));

      String body = "529982247";   // a CPF body; the check digits are computed, so it is valid
      Cpf cpf = Cpf.parse(body + Cpf.checkDigits(body));
      Customer customer = asaas.customers().getOrCreate(CustomerRequest.builder().name("Maria Silva")
          .cpfCnpj(cpf.value()).email("maria.silva@example.com").build());
      SolarQuote q = quote.quote;
      Payment payment = asaas.payments().create(PaymentRequest.builder()
          .customer(customer.id())
          .billingType(BillingType.PIX)
          .value(q.input().systemPrice())
          .dueDate(LocalDate.now(BRAZIL).plusDays(3))
          .description("Sistema fotovoltaico " + q.systemKwp().toPlainString() + " kWp, orcamento " + quoteId)
          .externalReference(quoteId)
          .build());
      PixQrCode pix = asaas.payments().pixQrCode(payment.id());
      write(quote.doc.charged(payment.id()));
      topic.publish(Message.builder()
          .body("{\"quoteId\":\"" + quoteId + "\",\"paymentId\":\"" + payment.id() + "\"}")
          .attribute("type", "quote.charged").attribute("quoteId", quoteId).attribute("paymentId", payment.id())
          .build());

      out.printf("   customer  %s, %s, CPF %s%n", customer.id(), customer.name(), cpf.masked());
      out.printf("   charge    %s, PIX %s, due %s, status %s, externalReference %s%n", payment.id(),
          payment.value().format(), payment.dueDate(), payment.status(), payment.externalReference());
      out.printf("   PIX copia e cola:%n   %s%n", pix.payload());
      out.printf("   published quote.charged on %s; quote is CHARGED in storage%n", topic.name());
      summary.add("PIX " + payment.value().format() + " charge " + payment.id());
      return new Charge(sim, payment.id(), pix.payload());
    }

    // ---------------------------------------------------------------- 5. payment

    void payment(Charge charge, Secrets secrets) throws Exception {
      AsaasWebhooks webhooks = AsaasWebhooks.builder()
          .authToken(secrets.webhookToken)
          .eventStore(new CacheWebhookEventStore(cache.namespace("asaas-events")))
          .build();   // synchronous: 200 only after the handler returned
      HttpHandler verified = webhooks.httpHandler(event -> {
        if (event instanceof PaymentEvent p
            && (p.type() == PaymentEventType.PAYMENT_RECEIVED || p.type() == PaymentEventType.PAYMENT_CONFIRMED)) {
          publishPaymentReceived(p.payment().externalReference(), p.payment().id(), p.id());
          processed.incrementAndGet();
        }
      });
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/webhooks/asaas", exchange -> {
        deliveries.incrementAndGet();
        verified.handle(exchange);
      });
      server.start();
      closer.push(() -> server.stop(0));
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/asaas";

      AsaasSimulator sim = charge.simulator;
      if (sim != null) {
        asaas.webhooks().create(WebhookConfigRequest.of("ysh-quick-start", url, "dev@example.com", secrets.webhookToken,
            List.of("PAYMENT_RECEIVED")));
        sim.duplicateWebhooks(true);   // at-least-once delivery, made visible
        out.printf("   webhook   %s registered on Asaas (token-protected, PAYMENT_RECEIVED)%n", url);
      } else {
        out.printf("   webhook   %s listening; a remote Asaas cannot reach 127.0.0.1, so the demo reconciles%n", url);
      }
      Payment confirmed = asaas.sandbox().confirmPayment(charge.paymentId);
      out.printf("   sandbox   confirm %s: status %s%n", confirmed.id(), confirmed.status());

      if (sim == null) {
        // Webhooks are a hint, GET /payments/{id} is the truth: reconcile as after an outage.
        Payment truth = asaas.payments().get(charge.paymentId);
        if (truth.status() == PaymentStatus.RECEIVED || truth.status() == PaymentStatus.CONFIRMED) {
          publishPaymentReceived(quoteId, truth.id(), "reconciliation");
        }
      }
      if (!paid.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw YshException.of(ErrorCode.TIMEOUT, "the quote was not marked paid within " + WAIT.toSeconds() + " s; consumer errors: "
            + consumerErrors);
      }
      if (sim != null) {
        waitFor(() -> deliveries.get() >= 2 && sim.webhookDeliveries().size() >= 2, Duration.ofSeconds(10));
        out.printf("   webhook   PAYMENT_RECEIVED delivered %dx: verified %dx, processed %dx, duplicate ignored %dx%n",
            deliveries.get(), deliveries.get(), processed.get(), deliveries.get() - processed.get());
      }
      out.printf("   consumer  handled %s -> quote %s is PAID in storage%n", String.join(", ", consumed), quoteId);
      summary.add(String.format("%d webhook deliveries, processed %d; quote PAID", deliveries.get(), processed.get()));
    }

    void publishPaymentReceived(String quote, String paymentId, String eventId) {
      topic.publish(Message.builder()
          .body("{\"quoteId\":\"" + quote + "\",\"paymentId\":\"" + paymentId + "\"}")
          .attribute("type", "payment.received").attribute("quoteId", quote).attribute("paymentId", paymentId)
          .attribute("eventId", eventId)
          .build());
    }

    /** The queue consumer. Idempotent: a redelivered message finds the quote already PAID. */
    void consume(ReceivedMessage m) throws IOException {
      String type = m.attributes().getOrDefault("type", "?");
      String quote = m.attributes().get("quoteId");
      if (!quoteId.equals(quote)) {
        return;   // another run's event on a shared queue: not ours, ack and move on
      }
      try {
        if ("payment.received".equals(type)) {
          Payment truth = asaas.payments().get(m.attributes().get("paymentId"));
          if (truth.status() == PaymentStatus.RECEIVED || truth.status() == PaymentStatus.CONFIRMED) {
            QuoteDocument doc = Json.mapper().readValue(storage.getBytes(QuoteDocument.key(quote)), QuoteDocument.class);
            if (!"PAID".equals(doc.status())) {
              write(doc.paid(m.attributes().get("eventId")));
            }
            consumed.add(type);
            paid.countDown();
          }
        } else {
          consumed.add(type);
        }
      } catch (IOException | RuntimeException e) {
        consumerErrors.add(e);
        throw e;
      }
    }

    void write(QuoteDocument doc) throws IOException {
      storage.put(QuoteDocument.key(doc.id()), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc),
          WriteOptions.builder().contentType("application/json").build());
    }

    // ---------------------------------------------------------------- 6. report

    void report(String status) {
      out.println("Summary");
      out.println("-------");
      int i = 0;
      long total = 0;
      for (Map.Entry<String, Duration> e : timings.entrySet()) {
        out.printf("  %-12s %8s   %s%n", e.getKey(), ms(e.getValue().toNanos()), summary.get(i++));
        total += e.getValue().toNanos();
      }
      out.printf("  %-12s %8s   quote %s is %s in storage%n", "total", ms(total), quoteId, status);
    }

    <T> T step(String name, String what, ThrowingSupplier<T> body) throws Exception {
      out.printf("%s: %s%n", name, what);
      long t0 = System.nanoTime();
      T result = body.get();
      long took = System.nanoTime() - t0;
      timings.put(name, Duration.ofNanos(took));
      out.printf("   (%s)%n%n", ms(took));
      return result;
    }

    void step(String name, String what, ThrowingRunnable body) throws Exception {
      step(name, what, () -> {
        body.run();
        return null;
      });
    }

    <C extends AutoCloseable> C add(C resource) {
      closer.push(resource);
      return resource;
    }

    @Override
    public void close() {
      RuntimeException failure = null;
      while (!closer.isEmpty()) {
        try {
          closer.pop().close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("closing a demo resource failed", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private record TariffResult(TariffSnapshot snapshot, int loads, boolean secondHit) {}

  private record QuoteResult(SolarQuote quote, QuoteDocument doc) {}

  private record Secrets(Secret apiKey, Secret webhookToken) {}

  private record Charge(AsaasSimulator simulator, String paymentId, String pixPayload) {}

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private String connectionName() {
    return switch (config.connection()) {
      case SINGLE_PHASE -> "monofasico";
      case TWO_PHASE -> "bifasico";
      case THREE_PHASE -> "trifasico";
    };
  }

  private static String payback(SolarQuote q) {
    return q.paybackMonths()
        .map(m -> m.toPlainString() + " months (" + q.paybackYears().orElseThrow().toPlainString() + " years)")
        .orElse("none (no savings)");
  }

  /** A URL as safe to print: passwords masked by {@link ResourceUrl}. */
  static String shown(String url) {
    try {
      return ResourceUrl.parse(url).toString();
    } catch (RuntimeException e) {
      return url.replaceAll("//[^/@]*@", "//****@");
    }
  }

  private static final int WARM_ROUNDS = 5;
  private static final int WARM_HITS = 10_000;
  /** Warm-up before timing: enough calls for the JIT's last tier, bounded in time for a slow machine. */
  private static final int WARM_UP_HITS = 200_000;
  private static final long WARM_UP_NANOS = 1_000_000_000L;

  /**
   * What one call costs in a running service: the calls are first repeated until the JIT has
   * compiled the hit path (at most {@link #WARM_UP_HITS} calls or 1 s), then timed in rounds;
   * the median round's mean is returned. Without the warm-up a short demo times the interpreter
   * (~30 µs a hit where JMH measures ~1–2 µs, issue 20 §4).
   */
  static long warmHitNanos(Runnable hit) {
    long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
    for (int i = 0; i < WARM_UP_HITS && System.nanoTime() - warmUpEnd < 0; i++) {
      hit.run();
    }
    long[] rounds = new long[WARM_ROUNDS];
    for (int r = 0; r < WARM_ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < WARM_HITS; i++) {
        hit.run();
      }
      rounds[r] = (System.nanoTime() - t0) / WARM_HITS;
    }
    java.util.Arrays.sort(rounds);
    return rounds[WARM_ROUNDS / 2];
  }

  static String us(long nanos) {
    return String.format(Locale.ROOT, "%.1f \u00b5s", nanos / 1e3);
  }

  static String ms(long nanos) {
    double ms = nanos / 1e6;
    return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%d ms", Math.round(ms));
  }

  static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw YshException.of(ErrorCode.TIMEOUT, "condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String toString() {
    return "QuickStartDemo[" + config.distributor() + "]";
  }

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
}
