package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import java.time.Clock;
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
 * Connection resets and timeouts between the Vault driver and {@link VaultStub}: a WireMock fault
 * stub of higher priority answers the first calls for a secret with a reset, an empty answer or a
 * delay past the driver's timeout, then the stateful stub answers. Reads are retried by the
 * portable layer and succeed; a KV write (each one a new version, so not idempotent) surfaces a
 * retryable error without the value in it; a Vault that stays silent fails with {@code TIMEOUT}
 * after the policy's attempts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultNetworkFaultTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final int ATTEMPTS = 3;

  private final VaultStub stub = new VaultStub("kv/team-a", Clock.systemUTC());
  private SecretStore store;
  private String name;
  private String test;

  @BeforeAll
  void start() {
    store = SecretStore.builder(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)).address("http://127.0.0.1:" + stub.port())
            .mount("kv/team-a").timeout(TIMEOUT).build())
        .telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.builder().attemptTimeout(TIMEOUT).totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(ATTEMPTS, Duration.ofMillis(50), Duration.ofMillis(200))).build())
        .build();
  }

  @AfterAll
  void stop() {
    store.close();
    stub.close();
  }

  @BeforeEach
  void before(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    name = "fault/" + UUID.randomUUID().toString().substring(0, 8);
    store.put(name, "v1");
    stub.wireMock().resetRequests();
  }

  @AfterEach
  void after() {
    stub.wireMock().resetScenarios();
    stub.wireMock().getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
        .forEach(m -> stub.wireMock().removeStub(m));
  }

  private String path() {
    return "/v1/kv/team-a/data/" + name;
  }

  /** The first {@code times} requests of {@code method} for the secret get the fault; later ones the stub. */
  private void firstCalls(String method, int times, ResponseDefinitionBuilder fault) {
    for (int i = 0; i < times; i++) {
      stub.wireMock().stubFor(WireMock.request(method, urlPathEqualTo(path())).atPriority(1)
          .inScenario(test + method).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "struck-" + i)
          .willSetStateTo("struck-" + (i + 1)).willReturn(fault));
    }
  }

  private long calls(String method) {
    return stub.wireMock().findAll(anyRequestedFor(urlPathEqualTo(path()))).stream()
        .filter(r -> r.getMethod().value().equals(method)).count();
  }

  private void report(int attempted, int committed, int partial, long faults) {
    System.out.println("RELIABILITY vault " + test + " attempted=" + attempted + " committed=" + committed
        + " partial=" + partial + " faults=" + faults);
  }

  @Test
  void aReadWhoseConnectionIsResetIsRetried() {
    firstCalls("GET", 2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    String value = store.get(name).secret().reveal();
    report(1, value.equals("v1") ? 1 : 0, 0, 2);
    assertThat(value).isEqualTo("v1");
    assertThat(calls("GET")).isEqualTo(3);
  }

  @Test
  void aReadCutInTheMiddleOfItsAnswerIsRetried() {
    firstCalls("GET", 1, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
    String value = store.get(name).secret().reveal();
    report(1, value.equals("v1") ? 1 : 0, 0, 1);
    assertThat(value).isEqualTo("v1");
  }

  @Test
  void aReadThatHangsTimesOutAndIsRetried() {
    firstCalls("GET", 1, aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.multipliedBy(3).toMillis())
        .withBody("{\"data\":{\"data\":{\"value\":\"stale\"},\"metadata\":{\"version\":9}}}"));
    long start = System.nanoTime();
    String value = store.get(name).secret().reveal();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, value.equals("v1") ? 1 : 0, 0, 1);
    // without a timeout the late answer ("stale") would be taken; the bound only guards against hanging
    assertThat(value).isEqualTo("v1");
    assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(3).plusSeconds(10));
  }

  @Test
  void aVaultThatStaysSilentFailsWithTimeoutAfterThePolicysAttempts() {
    firstCalls("GET", ATTEMPTS, aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.multipliedBy(3).toMillis()));
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
    String secret = "v2-" + UUID.randomUUID();
    firstCalls("POST", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    firstCalls("PUT", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Throwable t = catchThrowable(() -> store.put(name, secret));
    String after = store.get(name).secret().reveal();
    report(1, after.equals(secret) ? 1 : 0, 0, 1);
    assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).doesNotContain(secret);
    });
    assertThat(calls("POST") + calls("PUT")).as("a write is not retried").isEqualTo(1);
    assertThat(after).as("the reset write never reached Vault").isEqualTo("v1");
    store.put(name, secret);
    assertThat(store.get(name).secret().reveal()).isEqualTo(secret);
  }
}
