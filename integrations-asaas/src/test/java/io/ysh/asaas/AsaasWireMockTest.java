package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.CircuitBreakerPolicy;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against WireMock stubs that return the bodies Asaas documents (error envelope,
 * list envelope, payment object) and inject transport faults (connection reset, empty
 * response, 5xx, 429 with {@code RateLimit-Reset}).
 */
class AsaasWireMockTest {

  private static final String KEY = "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
  private static WireMockServer wm;
  private AsaasClient asaas;

  static final String PAYMENT = """
      {"object":"payment","id":"pay_080225913252","dateCreated":"2026-01-05","customer":"cus_G7Dvo4iphUNk",
       "value":129.90,"netValue":128.91,"billingType":"%s","status":"%s","dueDate":"%s",
       "paymentDate":"2026-01-06T10:11:12-03:00","confirmedDate":"06/01/2026","externalReference":"%s",
       "deleted":false,"someNewField":{"x":1},"installmentNumber":null}
      """;

  static String payment(String billingType, String status, String ref) {
    return PAYMENT.formatted(billingType, status, TODAY.plusDays(1), ref);
  }

  static String list(String... items) {
    return "{\"object\":\"list\",\"hasMore\":false,\"totalCount\":" + items.length + ",\"limit\":100,\"offset\":0,\"data\":["
        + String.join(",", items) + "]}";
  }

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
    asaas = client(RetryPolicy.exponential(3, Duration.ofMillis(5), Duration.ofMillis(20)), null);
  }

  private AsaasClient client(RetryPolicy retry, CircuitBreakerPolicy breaker) {
    return AsaasClient.builder()
        .apiKey(Secret.of(KEY))
        .baseUrl(wm.baseUrl() + "/v3")
        .logLevel(HttpLogLevel.NONE)
        .resilience(ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofSeconds(10))
            .retry(retry).circuitBreaker(breaker).build())
        .settleWindow(Duration.ofMillis(400))
        .settleBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .build();
  }

  private PaymentRequest pix(String ref) {
    return PaymentRequest.builder().customer("cus_G7Dvo4iphUNk").billingType(BillingType.PIX).value(Money.of("129.90"))
        .dueDate(TODAY.plusDays(1)).externalReference(ref).build();
  }

  @Test
  void sendsTheAccessTokenHeaderAUserAgentAndJson() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(okJson(payment("PIX", "PENDING", "r1"))));
    asaas.payments().create(pix("r1"));
    wm.verify(postRequestedFor(urlPathEqualTo("/v3/payments"))
        .withHeader("access_token", equalTo(KEY))
        .withHeader("User-Agent", matching("ysh-sdk/.* \\(asaas; java/.*\\).*"))
        .withHeader("Content-Type", matching("application/json.*"))
        .withRequestBody(matching(".*\"value\":129.90.*"))
        .withRequestBody(matching(".*\"dueDate\":\"" + TODAY.plusDays(1) + "\".*"))
        .withRequestBody(matching(".*\"externalReference\":\"r1\".*")));
  }

  @Test
  void parsesUnknownEnumValuesNewFieldsAndLenientDates() {
    wm.stubFor(get(urlPathEqualTo("/v3/payments/pay_080225913252")).willReturn(okJson(payment("BITCOIN", "SOMETHING_NEW", "r"))));
    Payment p = asaas.payments().get("pay_080225913252");
    assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.rawStatus()).isEqualTo("SOMETHING_NEW");
    assertThat(p.billingType()).isEqualTo(BillingType.UNKNOWN);
    assertThat(p.rawBillingType()).isEqualTo("BITCOIN");
    assertThat(p.value()).isEqualTo(Money.of("129.90"));
    assertThat(p.paymentDate()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(p.confirmedDate()).isEqualTo(LocalDate.of(2026, 1, 6));
  }

  @Test
  void timestampsAcceptAsaasAndIsoFormats() {
    assertThat(AsaasJson.parseDateTime("2026-01-05 10:11:12")).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 11, 12));
    assertThat(AsaasJson.parseDateTime("2026-01-05T10:11:12")).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 11, 12));
    assertThat(AsaasJson.parseDateTime("2026-01-05T13:11:12Z")).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 11, 12));
    assertThat(AsaasJson.parseDateTime("05/01/2026 10:11:12")).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 11, 12));
    assertThat(AsaasJson.parseDate("2026-01-05")).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void everyErrorItemIsKeptAndTheRawBodyIsRedacted() {
    wm.stubFor(post(urlPathEqualTo("/v3/customers")).willReturn(aResponse().withStatus(400).withBody("""
        {"errors":[{"code":"invalid_cpfCnpj","description":"O CPF 529.982.247-25 informado é inválido"},
                   {"code":"invalid_email","description":"E-mail inválido"}]}""")));
    assertThatThrownBy(() -> asaas.customers().create(CustomerRequest.builder().name("x").cpfCnpj("52998224725").build()))
        .isInstanceOfSatisfying(AsaasInvalidRequestException.class, e -> {
          assertThat(e.errors()).extracting(AsaasError::code).containsExactly("invalid_cpfCnpj", "invalid_email");
          assertThat(e.rawBody().orElseThrow()).doesNotContain("529.982.247-25");
          assertThat(e.getMessage()).doesNotContain("529.982.247-25").contains("invalid_email");
          assertThat(e.provider()).contains("asaas");
        });
  }

  @Test
  void statusesMapToTypedErrorsWithoutTheKey() {
    wm.stubFor(get(urlPathEqualTo("/v3/customers/cus_401")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(get(urlPathEqualTo("/v3/customers/cus_403")).willReturn(aResponse().withStatus(403)));
    wm.stubFor(get(urlPathEqualTo("/v3/customers/cus_500")).willReturn(aResponse().withStatus(500).withBody("<html>boom token=abc123</html>")));
    assertThatThrownBy(() -> asaas.customers().get("cus_401")).isInstanceOfSatisfying(AsaasAuthenticationException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("aact");
    });
    assertThatThrownBy(() -> asaas.customers().get("cus_403")).isInstanceOf(AsaasPermissionException.class);
    assertThatThrownBy(() -> asaas.customers().get("cus_500")).isInstanceOfSatisfying(AsaasServerException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(500);
      assertThat(e.rawBody().orElseThrow()).contains("boom").doesNotContain("abc123");
      assertThat(e.request()).isEqualTo("GET /v3/customers/cus_500");
    });
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v3/customers/cus_500")));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v3/customers/cus_401")));
  }

  @Test
  void rateLimitedGetWaitsForRateLimitResetBeforeRetrying() {
    wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("RateLimit-Reset", "1").withHeader("RateLimit-Limit", "10")
            .withHeader("RateLimit-Remaining", "0")).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson("{\"balance\":1500.25}")));
    long start = System.nanoTime();
    assertThat(asaas.finance().balance().balance()).isEqualTo(Money.of("1500.25"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void connectionResetOnACreateLooksUpAndReturnsTheCommittedPaymentWithoutRePosting() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).withQueryParam("externalReference", equalTo("order-9"))
        .willReturn(okJson(list(payment("PIX", "PENDING", "order-9")))));
    Payment p = asaas.payments().create(pix("order-9"));
    assertThat(p.id()).isEqualTo("pay_080225913252");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
  }

  @Test
  void anEmptyResponseOnACreateIsNeverPostedAgainEvenWhenTheLookupFindsNothing() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).inScenario("c").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("second"));
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).inScenario("c").whenScenarioStateIs("second")
        .willReturn(okJson(payment("PIX", "PENDING", "order-10"))));
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).willReturn(okJson(list())));
    assertThatThrownBy(() -> asaas.payments().create(pix("order-10")))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.externalReference()).contains("order-10"));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v3/payments")))).as("looked up with backoff").hasSizeGreaterThan(1);
  }

  @Test
  void aLookupThatIgnoresTheFilterIsMatchedClientSide() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(aResponse().withStatus(503)));
    // Asaas silently ignores unknown filters: the whole list comes back, none of it ours
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).willReturn(okJson(list(payment("PIX", "PENDING", "someone-else")))));
    assertThatThrownBy(() -> asaas.payments().create(pix("order-11")))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> {
          assertThat(e.externalReference()).contains("order-11");
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.conflictingIds()).as("another reference is not a conflict").isEmpty();
        });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
  }

  @Test
  void aTwoHundredWhoseBodyCannotBeReadIsCommittedAndFoundNeverAPlainFailure() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(aResponse().withStatus(200).withBody("<html>gateway ok</html>")));
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).withQueryParam("externalReference", equalTo("order-13"))
        .willReturn(okJson(list(payment("PIX", "PENDING", "order-13")))));
    assertThat(asaas.payments().create(pix("order-13")).id()).isEqualTo("pay_080225913252");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));

    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(aResponse().withStatus(201).withBody("")));
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).willReturn(okJson(list())));
    assertThatThrownBy(() -> asaas.payments().create(pix("order-14")))
        .isInstanceOfSatisfying(AsaasOutcomeUnknownException.class, e -> assertThat(e.getCause()).hasMessageContaining("could not be read"));
  }

  @Test
  void invalidRequestOnACreateIsNeverRetried() {
    wm.stubFor(post(urlPathEqualTo("/v3/payments")).willReturn(aResponse().withStatus(400)
        .withBody("{\"errors\":[{\"code\":\"invalid_customer\",\"description\":\"Cliente inválido\"}]}")));
    assertThatThrownBy(() -> asaas.payments().create(pix("order-12"))).isInstanceOf(AsaasInvalidRequestException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/payments")));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/v3/payments")));
  }

  @Test
  void circuitBreakerOpensAfterRepeatedServerErrorsAndStopsCallingAsaas() {
    AsaasClient fragile = client(RetryPolicy.none(), new CircuitBreakerPolicy(50, 4, 4, Duration.ofMinutes(1), 1));
    wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).willReturn(aResponse().withStatus(502)));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> fragile.finance().balance()).isInstanceOf(AsaasServerException.class);
    }
    assertThatThrownBy(() -> fragile.finance().balance())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e).isNotInstanceOf(AsaasException.class);
          assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
          assertThat(e.getMessage()).contains("circuit breaker");
        });
    wm.verify(4, getRequestedFor(urlPathEqualTo("/v3/finance/balance")));
  }

  @Test
  void listFiltersAreSentAsAsaasSpellsThem() {
    wm.stubFor(get(urlPathEqualTo("/v3/payments")).willReturn(okJson(list())));
    asaas.payments().list(PaymentFilter.all().status(PaymentStatus.RECEIVED).dueDateFrom(LocalDate.of(2026, 1, 1)).anticipated(false), 20, 50);
    wm.verify(getRequestedFor(urlPathEqualTo("/v3/payments"))
        .withQueryParam("status", equalTo("RECEIVED"))
        .withQueryParam("dueDate[ge]", equalTo("2026-01-01"))
        .withQueryParam("anticipated", equalTo("false"))
        .withQueryParam("offset", equalTo("20"))
        .withQueryParam("limit", equalTo("50")));
  }
}
