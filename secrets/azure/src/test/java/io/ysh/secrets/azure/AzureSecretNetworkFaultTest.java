package io.ysh.secrets.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Connection resets and timeouts between the Key Vault driver and {@link KeyVaultStub} (WireMock
 * over HTTPS: the stream is encrypted, so the faults come from WireMock itself rather than a TCP
 * proxy): a fault stub of higher priority answers the first calls of a secret with a reset, an
 * empty answer or a delay longer than the driver's timeout, then lets the stateful stub answer.
 * Reads are retried by the portable layer and succeed; writes (not idempotent: each is a new
 * version) surface a retryable error without the value in it; a server that stays silent fails
 * with {@code TIMEOUT} after the policy's attempts, each bounded by the driver's timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureSecretNetworkFaultTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int ATTEMPTS = 3;

  private final KeyVaultStub stub = new KeyVaultStub();
  private SecretStore store;
  private String name;
  private String test;

  @BeforeAll
  void start() {
    // The per-request response timeout (a call timeout on OkHttp) also bounds connecting and the TLS handshake, and the
    // JVM's first handshake can take seconds on a loaded machine: open the connection with the
    // default timeout first, then share the client (and its warm connection) with the timed store.
    com.azure.core.http.HttpClient http = KeyVaultStub.insecureHttpClient();
    try (SecretStore warm = SecretStore.builder(AzureSecretDriver.builder(stub.vaultUrl(), stub.credential())
        .httpClient(http).disableChallengeResourceVerification().build()).telemetry(Telemetry.noop()).build()) {
      warm.put("tls-warm-up", "x");
    }
    store = SecretStore.builder(AzureSecretDriver.builder(stub.vaultUrl(), stub.credential()).httpClient(http)
            .disableChallengeResourceVerification().purgeOnDelete(true).deletePollInterval(Duration.ofMillis(20))
            .timeout(TIMEOUT).build())
        .telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.builder().attemptTimeout(TIMEOUT).totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(ATTEMPTS, Duration.ofMillis(50), Duration.ofMillis(200))).build())
        .build();
    store.put("warm-up", "x"); // the bearer challenge is answered once, before any fault
  }

  @AfterAll
  void stop() {
    store.close();
    stub.close();
  }

  @BeforeEach
  void before(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    name = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    store.put(name, "v1");
  }

  @AfterEach
  void after() {
    stub.wireMock().resetScenarios();
    stub.wireMock().getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
        .forEach(m -> stub.wireMock().removeStub(m));
  }

  /** The first {@code times} requests for the secret (GET or PUT as given) get the fault; later ones the stub. */
  private void firstCalls(String method, int times, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault) {
    String scenario = test + "-" + method;
    for (int i = 0; i < times; i++) {
      MappingBuilder m = WireMock.request(method, urlPathMatching("/secrets/" + name + "(/.*)?")).atPriority(1)
          .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "struck-" + i)
          .willSetStateTo("struck-" + (i + 1)).willReturn(fault);
      stub.wireMock().stubFor(m);
    }
  }

  private long calls(String method) {
    return stub.wireMock().findAll(anyRequestedFor(urlPathMatching("/secrets/" + name + "(/.*)?")))
        .stream().filter(r -> r.getMethod().value().equals(method)).count();
  }

  private void report(int attempted, int committed, int partial, long faults) {
    System.out.println("RELIABILITY azure-keyvault " + test + " attempted=" + attempted + " committed=" + committed
        + " partial=" + partial + " faults=" + faults);
  }

  @Test
  void aReadWhoseConnectionIsResetIsRetried() {
    stub.wireMock().resetRequests();
    firstCalls("GET", 2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    String value = store.get(name).secret().reveal();
    report(1, value.equals("v1") ? 1 : 0, 0, 2);
    assertThat(value).isEqualTo("v1");
    assertThat(calls("GET")).isEqualTo(3);
  }

  @Test
  void aReadAnsweredWithNothingIsRetried() {
    stub.wireMock().resetRequests();
    firstCalls("GET", 1, aResponse().withFault(Fault.EMPTY_RESPONSE));
    String value = store.get(name).secret().reveal();
    report(1, value.equals("v1") ? 1 : 0, 0, 1);
    assertThat(value).isEqualTo("v1");
  }

  @Test
  void aReadThatHangsTimesOutAndIsRetried() {
    stub.wireMock().resetRequests();
    firstCalls("GET", 1, aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.multipliedBy(2).toMillis())
        .withBody("{\"value\":\"stale\"}"));
    long start = System.nanoTime();
    String value = store.get(name).secret().reveal();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, value.equals("v1") ? 1 : 0, 0, 1);
    // without a timeout the late answer ("stale") would be taken; the bound only guards against hanging
    assertThat(value).isEqualTo("v1");
    assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(10));
  }

  @Test
  void aVaultThatStaysSilentFailsWithTimeoutAfterThePolicysAttempts() {
    stub.wireMock().resetRequests();
    firstCalls("GET", ATTEMPTS, aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.multipliedBy(2).toMillis()));
    long start = System.nanoTime();
    Throwable t = catchThrowable(() -> store.get(name));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, 0, 0, ATTEMPTS);
    assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.TIMEOUT);
      assertThat(e.isRetryable()).isTrue();
    });
    assertThat(calls("GET")).isEqualTo(ATTEMPTS);
    assertThat(took).isLessThan(TIMEOUT.multipliedBy(ATTEMPTS).plusSeconds(5));
  }

  @Test
  void aWriteWhoseConnectionIsResetSurfacesRetryablyWithoutTheValue() {
    stub.wireMock().resetRequests();
    String secret = "v2-" + UUID.randomUUID();
    firstCalls("PUT", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Throwable t = catchThrowable(() -> store.put(name, secret));
    String after = store.get(name).secret().reveal();
    report(1, after.equals(secret) ? 1 : 0, 0, 1);
    assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).doesNotContain(secret);
    });
    assertThat(calls("PUT")).as("a write is not retried").isEqualTo(1);
    assertThat(after).as("the reset write never reached the vault").isEqualTo("v1");
    store.put(name, secret);
    assertThat(store.get(name).secret().reveal()).isEqualTo(secret);
  }
}
