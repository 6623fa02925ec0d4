package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretValue;
import io.ysh.testkit.server.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Vault specifics (auth, renewal, namespace, error mapping, bad input) through the real Vault
 * Java driver against {@link VaultStub}, a WireMock protocol stub of Vault's HTTP API with the
 * documented response bodies; no Vault server can run on the build machines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultSecretDriverTest {

  /** A clock the test moves by hand; shared by the stub (token expiry) and the driver (renewal). */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T03:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneOffset getZone() {
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
  }

  private final TestClock clock = new TestClock();
  private final VaultStub stub = new VaultStub("kv/team-a", clock);

  @AfterAll
  void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.wireMock().resetRequests();
    stub.sealed = false;
    stub.requiredNamespace = null;
    stub.deniedPaths.clear();
    stub.roleId = "role-id-7f3a91c2";
    stub.secretId = "secret-id-55aa0e41";
    stub.appRoleTtlSeconds = 3600;
    stub.appRoleRenewable = true;
    stub.logins.set(0);
    stub.renewals.set(0);
  }

  private String address() {
    return "http://127.0.0.1:" + stub.port();
  }

  private SecretStore store(VaultSecretDriver.Builder b) {
    return SecretStore.builder(b.address(address()).mount("kv/team-a").clock(clock).build())
        .resilience(ResiliencePolicy.none()).build();
  }

  private static YshException ysh(Runnable r) {
    YshException e = catchThrowableOfType(YshException.class, r::run);
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void tokenAuthReadsAndWritesKvV2UnderAMultiSegmentMount() {
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)))) {
      assertThat(s.put("billing/db", "pw-1")).contains("1");
      assertThat(s.put("billing/db", "pw-2")).contains("2");
      SecretValue v = s.get("billing/db");
      assertThat(v.secret().reveal()).isEqualTo("pw-2");
      assertThat(v.version()).contains("2");
      assertThat(v.createdTime()).contains(clock.instant());
      assertThat(s.get("billing/db", "1").secret().reveal()).isEqualTo("pw-1");
      stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/kv/team-a/data/billing/db"))
          .withHeader("X-Vault-Token", WireMock.equalTo(VaultStub.ROOT_TOKEN)));
      stub.wireMock().verify(getRequestedFor(urlEqualTo("/v1/kv/team-a/data/billing/db?version=1")));
    }
  }

  @Test
  void secretsWithSeveralFieldsAreJsonWithMetadataAsLabels() {
    stub.seed("apps/erp", Map.of("username", "erp", "password", "p4ss", "port", 5432), Map.of("owner", "billing"));
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)))) {
      assertThat(s.getField("apps/erp", "password").reveal()).isEqualTo("p4ss");
      assertThat(s.getField("apps/erp", "port").reveal()).isEqualTo("5432");
      assertThat(s.get("apps/erp").labels()).containsEntry("owner", "billing");
    }
  }

  @Test
  void listWalksKvFoldersBelowThePrefix() {
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)))) {
      s.put("list-t/a", "1");
      s.put("list-t/sub/b", "2");
      s.put("list-t/sub/deeper/c", "3");
      s.put("list-u/x", "4");
      assertThat(s.list("list-t/").toList()).containsExactlyInAnyOrder("list-t/a", "list-t/sub/b", "list-t/sub/deeper/c");
      assertThat(s.list("list-t/sub/d").toList()).containsExactly("list-t/sub/deeper/c");
      assertThat(s.list("list-").count()).isEqualTo(4);
    }
  }

  @Test
  void appRoleLogsInOnceAndUsesTheIssuedToken() {
    try (SecretStore s = store(VaultSecretDriver.builder().appRole(Secret.of("role-id-7f3a91c2"), Secret.of("secret-id-55aa0e41")))) {
      s.put("approle/one", "x");
      s.get("approle/one");
      assertThat(stub.logins.get()).isEqualTo(1);
      List<LoggedRequest> reads = stub.wireMock().findAll(getRequestedFor(urlPathMatching("/v1/kv/team-a/data/.*")));
      assertThat(reads).isNotEmpty();
      assertThat(reads.get(0).getHeader("X-Vault-Token")).startsWith("hvs.").isNotEqualTo(VaultStub.ROOT_TOKEN);
    }
  }

  @Test
  void theTokenIsRenewedBeforeItExpires() {
    stub.appRoleTtlSeconds = 30;
    try (SecretStore s = store(VaultSecretDriver.builder().appRole(Secret.of("role-id-7f3a91c2"), Secret.of("secret-id-55aa0e41")))) {
      s.put("renew/me", "v");
      clock.advance(Duration.ofSeconds(15));
      s.get("renew/me");
      assertThat(stub.renewals.get()).as("not yet: a third of the lease remains").isZero();
      clock.advance(Duration.ofSeconds(6));
      s.get("renew/me");
      assertThat(stub.renewals.get()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(25));
      assertThat(s.get("renew/me").secret().reveal()).as("still valid thanks to the renewal").isEqualTo("v");
      assertThat(stub.logins.get()).isEqualTo(1);
    } finally {
      stub.renewals.set(0);
      stub.logins.set(0);
    }
  }

  @Test
  void aNonRenewableAppRoleTokenIsReplacedByANewLogin() {
    stub.appRoleTtlSeconds = 30;
    stub.appRoleRenewable = false;
    stub.logins.set(0);
    try (SecretStore s = store(VaultSecretDriver.builder().appRole(Secret.of("role-id-7f3a91c2"), Secret.of("secret-id-55aa0e41")))) {
      s.put("relogin/me", "v");
      clock.advance(Duration.ofSeconds(25));
      assertThat(s.get("relogin/me").secret().reveal()).isEqualTo("v");
      assertThat(stub.logins.get()).isEqualTo(2);
    }
  }

  @Test
  void theNamespaceHeaderIsSentOnEveryCall() {
    stub.requiredNamespace = "admin/team-a";
    try (SecretStore s = store(VaultSecretDriver.builder().namespace("admin/team-a")
        .appRole(Secret.of("role-id-7f3a91c2"), Secret.of("secret-id-55aa0e41")))) {
      s.put("ns/one", "x");
      assertThat(s.get("ns/one").secret().reveal()).isEqualTo("x");
    }
    assertThat(stub.wireMock().getAllServeEvents())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getHeader("X-Vault-Namespace")).isEqualTo("admin/team-a"));
    try (SecretStore wrong = store(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)))) {
      assertThat(ysh(() -> wrong.get("ns/one")).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
  }

  @Test
  void errorsMapToPortableCodes() {
    String token = stub.issueToken(0, false);
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(token)))) {
      s.put("errors/here", "x");
      assertThat(ysh(() -> s.get("errors/missing")).code()).isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(ysh(() -> s.get("errors/here", "9")).code()).isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(ysh(() -> s.get("errors/here", "latest")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);

      stub.deniedPaths.add("errors/here");
      YshException denied = ysh(() -> s.get("errors/here"));
      assertThat(denied.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
      assertThat(denied.getMessage()).contains("403");
      stub.deniedPaths.clear();

      stub.sealed = true;
      YshException sealed = ysh(() -> s.get("errors/here"));
      assertThat(sealed.code()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(sealed.isRetryable()).isTrue();
      assertThat(sealed.getMessage()).contains("sealed");
      stub.sealed = false;

      stub.tokens.remove(token); // revoked
      YshException revoked = ysh(() -> s.get("errors/here"));
      assertThat(revoked.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(revoked.getMessage()).contains("invalid, expired or revoked").doesNotContain(token);
    }
  }

  @Test
  void anExpiredTokenIsUnauthenticatedFromTheStart() {
    String token = stub.issueToken(10, false);
    clock.advance(Duration.ofSeconds(11));
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(token)))) {
      YshException e = ysh(() -> s.get("any/thing"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).doesNotContain(token);
    }
  }

  @Test
  void aRevokedAppRoleTokenLeadsToANewLoginAndTheCallSucceeds() {
    try (SecretStore s = store(VaultSecretDriver.builder().appRole(Secret.of("role-id-7f3a91c2"), Secret.of("secret-id-55aa0e41")))) {
      s.put("revoked/one", "x");
      int before = stub.logins.get();
      stub.tokens.keySet().removeIf(t -> !t.equals(VaultStub.ROOT_TOKEN));
      assertThat(s.get("revoked/one").secret().reveal()).isEqualTo("x");
      assertThat(stub.logins.get()).isEqualTo(before + 1);
    }
  }

  @Test
  void aWrongSecretIdIsUnauthenticatedWithoutEchoingIt() {
    try (SecretStore s = store(VaultSecretDriver.builder().appRole(Secret.of("role-id-7f3a91c2"), Secret.of("wrong-secret-id-9d9d")))) {
      YshException e = ysh(() -> s.get("x/y"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).doesNotContain("wrong-secret-id-9d9d").doesNotContain("role-id-7f3a91c2");
    }
  }

  @Test
  void badConfigurationIsRejectedClearly() {
    VaultSecretDriverProvider provider = new VaultSecretDriverProvider(Map.of("ROLE", "role-id-7f3a91c2"));
    YshException noSecretId = ysh(() -> provider.open(ResourceUrl.parse("vault://127.0.0.1/secret?auth=approle&roleIdEnv=ROLE")));
    assertThat(noSecretId.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(noSecretId.getMessage()).contains("secret id").doesNotContain("role-id-7f3a91c2");
    YshException unsetEnv = ysh(() -> provider.open(ResourceUrl.parse("vault://127.0.0.1/secret?auth=approle&roleIdEnv=ROLE&secretIdEnv=NOPE")));
    assertThat(unsetEnv.getMessage()).contains("NOPE");
    YshException emptySecretId = ysh(() -> VaultSecretDriver.builder().address("https://v:8200").appRole(Secret.of("r"), Secret.of("")).build());
    assertThat(emptySecretId.getMessage()).contains("secret id");
    assertThat(ysh(() -> provider.open(ResourceUrl.parse("vault://127.0.0.1/secret"))).getMessage()).contains("needs a token");
    assertThat(ysh(() -> ResourceUrl.parse("vault://127.0.0.1:99999/secret")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> provider.open(ResourceUrl.parse("vault://:8200/secret?token=t"))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(ysh(() -> VaultSecretDriver.builder().address("vault.internal:8200")).getMessage()).contains("malformed Vault address");
    assertThat(ysh(() -> provider.open(ResourceUrl.parse("vault://h/secret?token=t&tokn=x"))).getMessage()).contains("tokn");
    assertThat(ysh(() -> provider.open(ResourceUrl.parse("vault://h/secret?token=t&auth=ldap"))).getMessage()).contains("approle");
  }

  @Test
  void anUnreachableVaultIsUnavailable() {
    int port = FreePorts.next();
    try (SecretStore s = SecretStore.builder(VaultSecretDriver.builder().address("http://127.0.0.1:" + port).token(Secret.of("t")).timeout(Duration.ofSeconds(2)).build())
        .resilience(ResiliencePolicy.none()).build()) {
      YshException e = ysh(() -> s.get("a/b"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(e.isRetryable()).isTrue();
    }
  }

  @Test
  void unwrapGivesTheNativeClient() {
    try (SecretStore s = store(VaultSecretDriver.builder().token(Secret.of(VaultStub.ROOT_TOKEN)))) {
      assertThat(s.unwrap(io.github.jopenlibs.vault.Vault.class)).isNotNull();
      assertThat(s.toString()).doesNotContain(VaultStub.ROOT_TOKEN);
    }
  }
}
