package io.ysh.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import io.ysh.testkit.server.fault.FaultProxy;
import io.ysh.testkit.server.fault.Toxic;
import io.ysh.testkit.server.fault.Toxic.Direction;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Faults on the wire between the Secrets Manager driver and moto_server: a {@link FaultProxy}
 * answers {@code 500 InternalServiceError} and {@code 400 ThrottlingException} in AWS's JSON
 * protocol (moto produces neither on demand), resets connections in the middle of a request or an
 * answer, and blackholes one. The client is configured as the {@code awssm://} URL configures it:
 * the SDK's retries off, a per-attempt timeout; the portable layer retries reads. Skipped with the
 * reason when moto is not installed.
 *
 * <p>Prints {@code RELIABILITY aws-secrets <test> attempted=<calls> committed=<calls that got the
 * right answer or stored the value> partial=<wrong answers or unreported writes> faults=<strikes>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSecretNetworkFaultTest {

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final int ATTEMPTS = 4;
  private static final String GET = "(?i)\r\nx-amz-target: secretsmanager\\.GetSecretValue\r\n";
  private static final String PUT = "(?i)\r\nx-amz-target: secretsmanager\\.PutSecretValue\r\n";

  private FaultProxy proxy;
  private SecretStore store;
  private SecretStore direct;
  private String name;
  private String test;

  @BeforeAll
  void start() {
    URI moto = Moto.endpoint();
    proxy = FaultProxy.http("moto-secrets", moto.getHost(), moto.getPort());
    SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(proxy.uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)).apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
        .build();
    store = SecretStore.builder(AwsSecretDriver.builder(client).ownsClient(true).forceDelete(true).build())
        .telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.builder().attemptTimeout(ATTEMPT_TIMEOUT).totalTimeout(Duration.ofSeconds(60))
            .retry(RetryPolicy.exponential(ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(1))).build())
        .build();
    direct = SecretStore.builder(AwsSecretDriver.builder(Moto.client()).ownsClient(true).forceDelete(true)
        .build()).resilience(ResiliencePolicy.none()).build();
  }

  @AfterAll
  void stop() {
    if (store != null) {
      store.close();
      direct.close();
      proxy.close();
    }
  }

  @BeforeEach
  void before(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    name = "fault-" + UUID.randomUUID().toString().substring(0, 8) + "/db";
    direct.put(name, "v1-" + name);
  }

  @AfterEach
  void after() {
    proxy.clear();
    proxy.clearRequests();
    direct.delete(name);
  }

  private void report(int attempted, int committed, int partial, int faults) {
    System.out.println("RELIABILITY aws-secrets " + test + " attempted=" + attempted + " committed=" + committed
        + " partial=" + partial + " faults=" + faults);
  }

  private static Toxic awsError(int status, String type, String message) {
    return Toxic.respond(status, Map.of("x-amzn-ErrorType", type, "Content-Type", "application/x-amz-json-1.1"),
        "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  private String read() {
    return store.get(name).secret().reveal();
  }

  private static YshException ysh(Throwable t) {
    assertThat(t).isInstanceOf(YshException.class);
    return (YshException) t;
  }

  @Test
  void aReadAnswered500IsRetried() {
    var boom = proxy.add(awsError(500, "InternalServiceError", "An error occurred on the server side.")
        .onRequests(GET).times(2));
    String value = read();
    report(1, value.equals("v1-" + name) ? 1 : 0, 0, boom.struck());
    assertThat(value).isEqualTo("v1-" + name);
    assertThat(boom.struck()).isEqualTo(2);
    assertThat(proxy.requests(GET)).isEqualTo(3);
  }

  @Test
  void throttledReadsBackOffAndSucceed() {
    var throttle = proxy.add(awsError(400, "ThrottlingException", "Rate exceeded").onRequests(GET).times(2));
    String value = read();
    report(1, value.equals("v1-" + name) ? 1 : 0, 0, throttle.struck());
    assertThat(value).isEqualTo("v1-" + name);
    assertThat(proxy.requests(GET)).isEqualTo(3);
  }

  @Test
  void throttlingThatPersistsSurfacesAsRateLimitedAfterThePolicysAttempts() {
    var throttle = proxy.add(awsError(400, "ThrottlingException", "Rate exceeded").onRequests(GET));
    YshException e = ysh(catchThrowable(this::read));
    report(1, 0, 0, throttle.struck());
    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.isRetryable()).isTrue();
    assertThat(throttle.struck()).isEqualTo(ATTEMPTS);
  }

  @Test
  void aReadWhoseAnswerIsResetIsRetried() {
    var reset = proxy.add(Toxic.resetAfter(Direction.DOWNSTREAM, 40).onRequests(GET).times(1));
    String value = read();
    report(1, value.equals("v1-" + name) ? 1 : 0, 0, reset.struck());
    assertThat(value).isEqualTo("v1-" + name);
    assertThat(reset.struck()).isEqualTo(1);
  }

  @Test
  void aBlackholedReadIsRetriedAfterTheAttemptTimeout() {
    var hole = proxy.add(Toxic.blackhole(Direction.UPSTREAM).onRequests(GET).times(1));
    long start = System.nanoTime();
    String value = read();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report(1, value.equals("v1-" + name) ? 1 : 0, 0, hole.struck());
    assertThat(value).isEqualTo("v1-" + name);
    assertThat(took).isGreaterThanOrEqualTo(ATTEMPT_TIMEOUT);
  }

  @Test
  void aWriteCutBeforeItArrivesFailsRetryablyAndChangesNothing() {
    String secretValue = "v2-never-in-a-message-" + UUID.randomUUID();
    var reset = proxy.add(Toxic.resetAfter(Direction.UPSTREAM, 300).onRequests(PUT).times(1));
    YshException e = ysh(catchThrowable(() -> store.put(name, secretValue)));
    String after = direct.get(name).secret().reveal();
    report(1, after.equals(secretValue) ? 1 : 0, 0, reset.struck());
    // a write is not idempotent (each one is a new version): it is not retried, the fault surfaces
    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).doesNotContain(secretValue);
    assertThat(after).as("the cut request never reached moto").isEqualTo("v1-" + name);
    assertThat(proxy.requests(PUT)).isEqualTo(1);
  }

  @Test
  void aWriteWhoseAnswerIsLostFailsRetryablyAndMayHaveHappened() {
    String secretValue = "v2-" + UUID.randomUUID();
    var reset = proxy.add(Toxic.resetAfter(Direction.DOWNSTREAM, 0).onRequests(PUT).times(1));
    YshException e = ysh(catchThrowable(() -> store.put(name, secretValue)));
    String after = direct.get(name).secret().reveal();
    // the ambiguous case: the caller is told the write failed (retryably) while moto stored it
    report(1, after.equals(secretValue) ? 1 : 0, after.equals(secretValue) ? 1 : 0, reset.struck());
    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).doesNotContain(secretValue);
    assertThat(after).isIn("v1-" + name, secretValue);
    store.put(name, secretValue); // the caller's retry: the value ends right either way
    assertThat(direct.get(name).secret().reveal()).isEqualTo(secretValue);
  }
}
