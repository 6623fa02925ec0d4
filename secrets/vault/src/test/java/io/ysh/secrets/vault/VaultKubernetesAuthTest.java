package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault's Kubernetes auth method against the protocol stub ({@link VaultStub}): the service
 * account's JWT, read from its file, and the role go to {@code auth/<path>/login}; the issued token
 * reads and writes; a rotated token file is read again at the next login; a refused login is
 * {@code UNAUTHENTICATED} without the JWT in the message.
 *
 * <p>Not testable offline: a real Vault validating the JWT against a real cluster's TokenReview API
 * (no Vault and no Kubernetes on the build machines).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultKubernetesAuthTest {

  private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.service-account-one.sig";
  private static final String ROTATED = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.service-account-two.sig";

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final VaultStub stub = new VaultStub("secret", clock);

  @AfterAll
  void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.wireMock().resetRequests();
    stub.kubernetesPath = "kubernetes";
    stub.kubernetesRole = "billing";
    stub.kubernetesJwt = JWT;
    stub.kubernetesJwtsSeen.clear();
    stub.appRoleTtlSeconds = 3600;
    stub.appRoleRenewable = false;
    stub.logins.set(0);
  }

  private SecretStore store(VaultSecretDriver.Builder b) {
    return SecretStore.builder(b.address("http://127.0.0.1:" + stub.port()).mount("secret").clock(clock).build())
        .resilience(ResiliencePolicy.none()).build();
  }

  @Test
  void theServiceAccountTokenLogsInAndTheIssuedTokenIsUsed(@TempDir Path dir) throws Exception {
    Path jwtFile = dir.resolve("token");
    Files.writeString(jwtFile, JWT + "\n");
    try (SecretStore s = store(VaultSecretDriver.builder().kubernetes("billing", jwtFile))) {
      s.put("k8s/db", "pw");
      assertThat(s.get("k8s/db").secret().reveal()).isEqualTo("pw");
      assertThat(stub.logins.get()).isEqualTo(1);
      assertThat(stub.kubernetesJwtsSeen).containsExactly(JWT);
      stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/auth/kubernetes/login")));
    }
  }

  @Test
  void aRotatedTokenFileIsReadAgainAtTheNextLogin(@TempDir Path dir) throws Exception {
    stub.appRoleTtlSeconds = 30;
    Path jwtFile = dir.resolve("token");
    Files.writeString(jwtFile, JWT);
    try (SecretStore s = store(VaultSecretDriver.builder().kubernetes("billing", jwtFile))) {
      s.put("k8s/rotate", "v");
      Files.writeString(jwtFile, ROTATED);
      stub.kubernetesJwt = ROTATED; // the cluster rotated the projected token; the old one is no longer accepted
      now.set(now.get().plus(Duration.ofSeconds(25)));
      assertThat(s.get("k8s/rotate").secret().reveal()).isEqualTo("v");
      assertThat(stub.kubernetesJwtsSeen).containsExactly(JWT, ROTATED);
    }
  }

  @Test
  void theUrlFormLogsInAtTheGivenMount(@TempDir Path dir) throws Exception {
    stub.kubernetesPath = "kubernetes-prod";
    Path jwtFile = dir.resolve("token");
    Files.writeString(jwtFile, JWT);
    ResourceUrl url = ResourceUrl.parse("vault://127.0.0.1:" + stub.port() + "/secret?tls=false&auth=kubernetes&role=billing"
        + "&kubernetesPath=kubernetes-prod&jwtFile=" + jwtFile);
    try (SecretStore s = SecretStore.builder(new VaultSecretDriverProvider(Map.of()).open(url))
        .resilience(ResiliencePolicy.none()).build()) {
      s.put("k8s/url", "u");
      assertThat(s.get("k8s/url").secret().reveal()).isEqualTo("u");
    }
    stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/auth/kubernetes-prod/login")));
    YshException noRole = catchThrowableOfType(YshException.class,
        () -> new VaultSecretDriverProvider(Map.of()).open(ResourceUrl.parse("vault://h/secret?auth=kubernetes")));
    assertThat(noRole.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(noRole.getMessage()).contains("role=");
  }

  @Test
  void aRefusedLoginIsUnauthenticatedAndNeverShowsTheJwt(@TempDir Path dir) throws Exception {
    Path jwtFile = dir.resolve("token");
    Files.writeString(jwtFile, "eyJhbGciOiJSUzI1NiJ9.stolen-or-stale.sig");
    VaultSecretDriver driver = VaultSecretDriver.builder().kubernetes("billing", jwtFile)
        .address("http://127.0.0.1:" + stub.port()).mount("secret").clock(clock).build();
    assertThat(driver.toString()).contains("kubernetes").doesNotContain("stolen-or-stale");
    try (SecretStore s = SecretStore.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      YshException e = catchThrowableOfType(YshException.class, () -> s.get("k8s/x"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("billing").doesNotContain("stolen-or-stale");
      assertThat(String.valueOf(e.getCause())).doesNotContain("stolen-or-stale");
    }
    YshException missing = catchThrowableOfType(YshException.class, () -> {
      try (SecretStore s = store(VaultSecretDriver.builder().kubernetes("billing", dir.resolve("absent")))) {
        s.get("k8s/x");
      }
    });
    assertThat(missing.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(missing.getMessage()).contains("service-account token");
  }
}
