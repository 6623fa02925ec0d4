package io.ysh.examples;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.AsaasWebhooks;
import io.ysh.asaas.BillingType;
import io.ysh.asaas.Customer;
import io.ysh.asaas.CustomerRequest;
import io.ysh.asaas.Payment;
import io.ysh.asaas.PaymentEvent;
import io.ysh.asaas.PaymentFilter;
import io.ysh.asaas.PaymentRequest;
import io.ysh.asaas.PaymentStatus;
import io.ysh.asaas.WebhookConfig;
import io.ysh.asaas.WebhookConfigRequest;
import io.ysh.core.Secret;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asaas: a webhook endpoint on the JDK's built-in {@link HttpServer}, and reconciliation after
 * downtime.
 *
 * <p>The endpoint verifies the token and dedupes by event id ({@link AsaasWebhooks}), then applies
 * each payment idempotently and remembers the time of the last event it applied. While it is down,
 * Asaas's deliveries fail and, after enough consecutive failures (15 on Asaas, 2 here), Asaas
 * <em>pauses</em> the webhook's queue. Coming back, the service does not wait for the backlog: it
 * lists the payments paid since the last event it processed ({@code paymentDateFrom}) and applies
 * each one (GET is the truth), then lifts the pause ({@code removeBackoff}); the queued events that
 * then arrive find their payments already applied.
 *
 * <pre>
 * mvn -q -DskipTests -Pdemo -pl examples -am verify -Dysh.demo.main=io.ysh.examples.WebhookReconciliationExample
 * </pre>
 *
 * <p>Runs against the in-process {@code AsaasSimulator} (a real Asaas cannot reach 127.0.0.1).
 */
public final class WebhookReconciliationExample {

  private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

  private final PrintStream out;
  /** The service's own state: payment id to the status applied. */
  private final Map<String, PaymentStatus> applied = new ConcurrentHashMap<>();
  private final AtomicInteger appliedByWebhook = new AtomicInteger();
  private final AtomicInteger alreadyApplied = new AtomicInteger();
  private final AtomicInteger refusedWhileDown = new AtomicInteger();
  private volatile boolean down;
  private volatile LocalDateTime lastEventAt;

  /**
   * An example.
   *
   * @param out where the report goes
   */
  public WebhookReconciliationExample(PrintStream out) {
    this.out = out;
  }

  /**
   * What the example saw.
   *
   * @param payments the payments created
   * @param appliedByWebhook payments applied from a webhook
   * @param reconciled payments applied by the re-list after the outage
   * @param alreadyApplied events (queued during the outage) that found their payment applied
   * @param refusedWhileDown deliveries answered 503 during the outage
   * @param pausedByAsaas whether Asaas paused the webhook's queue
   * @param paid the payments the service holds as paid
   */
  public record Result(List<String> payments, int appliedByWebhook, int reconciled, int alreadyApplied, int refusedWhileDown,
      boolean pausedByAsaas, List<String> paid) {}

  /**
   * Runs against an in-process simulator.
   *
   * @param args ignored
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    new WebhookReconciliationExample(System.out).run();
  }

  /**
   * Creates three PIX charges; one is paid while the endpoint is up, two while it is down; then
   * reconciles.
   *
   * @return what happened
   * @throws Exception if it fails
   */
  public Result run() throws Exception {
    try (AsaasSimulator sim = AsaasSimulator.builder().webhookRetries(3, Duration.ofMillis(10)).start()) {
      sim.pauseWebhooksAfter(2);
      AsaasClient asaas = AsaasClient.builder().apiKey(Secret.of(sim.apiKey())).baseUrl(sim.baseUrl())
          .logLevel(HttpLogLevel.NONE).build();
      Secret token = Secret.of("whsec-ysh-example-0123456789abcdef0123456789");
      AsaasWebhooks webhooks = AsaasWebhooks.builder().authToken(token).build();   // synchronous, in-memory dedupe
      HttpHandler verified = webhooks.httpHandler(event -> {
        if (event instanceof PaymentEvent p) {
          if (apply(p.payment())) {
            appliedByWebhook.incrementAndGet();
          } else {
            alreadyApplied.incrementAndGet();
          }
          lastEventAt = p.dateCreated();
        }
      });
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/webhooks/asaas", exchange -> {
        if (down) {   // a deploy, a crash, a network partition: Asaas sees failures
          refusedWhileDown.incrementAndGet();
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
          return;
        }
        verified.handle(exchange);
      });
      server.start();
      try {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/asaas";
        WebhookConfig hook = asaas.webhooks().create(WebhookConfigRequest.of("ysh-orders", url, "ops@example.com", token,
            List.of("PAYMENT_RECEIVED")));
        out.printf("webhook endpoint %s registered (%s)%n", url, hook.id());

        String body = "112223330001";   // a CNPJ body; the check digits are computed
        Customer customer = asaas.customers().getOrCreate(CustomerRequest.builder().name("Solar Telhados Ltda")
            .cpfCnpj(body + Cnpj.checkDigits(body)).build());
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
          ids.add(asaas.payments().create(PaymentRequest.builder().customer(customer.id()).billingType(BillingType.PIX)
              .value(Money.of("2500.00")).dueDate(LocalDate.now(BRAZIL).plusDays(1)).externalReference("order-" + i).build()).id());
        }

        asaas.sandbox().confirmPayment(ids.get(0));
        QuickStartDemo.waitFor(() -> applied.containsKey(ids.get(0)), Duration.ofSeconds(10));
        out.printf("up:   %s paid -> applied from the webhook (last event %s)%n", ids.get(0), lastEventAt);

        down = true;
        asaas.sandbox().confirmPayment(ids.get(1));
        asaas.sandbox().confirmPayment(ids.get(2));
        QuickStartDemo.waitFor(() -> isInterrupted(asaas, hook.id()), Duration.ofSeconds(10));
        out.printf("down: %s and %s paid; %d deliveries failed; Asaas paused the webhook (interrupted=true)%n",
            ids.get(1), ids.get(2), refusedWhileDown.get());

        down = false;
        LocalDate since = lastEventAt == null ? LocalDate.now(BRAZIL).minusDays(1) : lastEventAt.toLocalDate();
        int reconciled = 0;
        List<Payment> changed = asaas.payments().stream(PaymentFilter.all().paymentDateFrom(since)).toList();
        for (Payment p : changed) {
          if (apply(asaas.payments().get(p.id()))) {   // GET is the truth
            reconciled++;
          }
        }
        out.printf("back: re-listed %d payment(s) paid since %s, applied %d missed while down%n", changed.size(), since, reconciled);
        asaas.webhooks().removeBackoff(hook.id());
        QuickStartDemo.waitFor(() -> alreadyApplied.get() >= 2, Duration.ofSeconds(10));
        out.printf("      removeBackoff: the %d queued events arrived and found their payments already applied%n", alreadyApplied.get());
        List<String> paid = applied.entrySet().stream().filter(e -> e.getValue() == PaymentStatus.RECEIVED)
            .map(Map.Entry::getKey).sorted().toList();
        out.printf("paid: %d of %d, none missed, none applied twice%n", paid.size(), ids.size());
        return new Result(ids, appliedByWebhook.get(), reconciled, alreadyApplied.get(), refusedWhileDown.get(), true, paid);
      } finally {
        server.stop(0);
      }
    }
  }

  /** Applies a payment's status; true when it changed the service's state. */
  private boolean apply(Payment p) {
    if (p.status() != PaymentStatus.RECEIVED && p.status() != PaymentStatus.CONFIRMED) {
      return false;
    }
    return applied.put(p.id(), p.status()) != p.status();
  }

  private static boolean isInterrupted(AsaasClient asaas, String webhookId) {
    return Boolean.TRUE.equals(asaas.webhooks().get(webhookId).interrupted());
  }

  @Override
  public String toString() {
    return "WebhookReconciliationExample";
  }

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

}
