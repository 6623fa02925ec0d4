package io.ysh.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretCachePolicy;
import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line (logback {@link ListAppender}, {@code io.ysh} at TRACE) while a Vault
 * store goes through logins, reads, writes, cached stale reads, a sealed Vault, a revoked token,
 * a wrong secret id and malformed JSON, and asserts that no secret value, token, role id or
 * secret id appears in any log line, exception message (with causes), or {@code toString}.
 * Runs against {@link VaultStub}, the WireMock protocol stub of Vault's API (no Vault server can
 * run on the build machines).
 */
class SecretsNeverLeakTest {

  private static final String VALUE = "V4lue-never-logged-1";
  private static final String ROLE_ID = "role-id-never-logged-2";
  private static final String SECRET_ID = "secret-id-never-logged-3";

  @Test
  void noCredentialOrValueAppearsInLogsMessagesOrToString() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ysh = (Logger) LoggerFactory.getLogger("io.ysh");
    Level previous = ysh.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    ysh.setLevel(Level.TRACE);
    List<String> texts = new ArrayList<>();
    try (VaultStub stub = new VaultStub("secret", Clock.systemUTC())) {
      stub.roleId = ROLE_ID;
      stub.secretId = SECRET_ID;
      AtomicLong now = new AtomicLong();
      String url = "vault://127.0.0.1:" + stub.port() + "/secret?tls=false&auth=approle&roleIdEnv=ROLE&secretId=" + SECRET_ID;
      texts.add(ResourceUrl.parse(url).toString());
      ResiliencePolicy retries = ResiliencePolicy.builder()
          .retry(RetryPolicy.exponential(2, Duration.ofMillis(1), Duration.ofMillis(2))).build();
      try (SecretStore store = SecretStore.builder(new VaultSecretDriverProvider(Map.of("ROLE", ROLE_ID)).open(ResourceUrl.parse(url)))
          .telemetry(Telemetry.defaults())
          .resilience(retries)
          .cache(SecretCachePolicy.builder().ttl(Duration.ofSeconds(10)).staleIfError(Duration.ofSeconds(30)).ticker(now::get).build())
          .build()) {
        texts.add(store.toString());
        store.put("app/db", Secret.of(VALUE));
        SecretValue v = store.get("app/db");
        texts.add(v.toString());
        texts.add(v.secret().toString());
        texts.add(v.labels().toString());
        capture(texts, () -> store.getField("app/db", "password"));
        capture(texts, () -> store.getJson("app/db", Map.class));
        stub.sealed = true;
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        store.get("app/db"); // stale, logged at WARN
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        capture(texts, () -> store.get("app/db"));
        stub.sealed = false;
        stub.deniedPaths.add("app/");
        capture(texts, () -> store.put("app/db", Secret.of(VALUE)));
        stub.deniedPaths.clear();
        stub.tokens.keySet().removeIf(t -> !t.equals(VaultStub.ROOT_TOKEN));
        stub.secretId = "rotated-away";
        store.invalidateAll();
        capture(texts, () -> store.get("app/db"));
      }
      List<String> tokens = new ArrayList<>(stub.tokens.keySet());
      tokens.add(VaultStub.ROOT_TOKEN);
      try (SecretStore tokenStore = SecretStore.builder(VaultSecretDriver.builder().address("http://127.0.0.1:" + stub.port()).token(Secret.of(VaultStub.ROOT_TOKEN)).build())
          .telemetry(Telemetry.defaults()).build()) {
        texts.add(tokenStore.toString());
        capture(texts, () -> tokenStore.get("missing/one"));
      }
      for (ILoggingEvent e : appender.list) {
        texts.add(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
          texts.add(t.getClassName() + ": " + t.getMessage());
        }
      }
      assertThat(appender.list).as("the scenario logs something (telemetry, stale warning)").isNotEmpty();
      assertThat(texts).isNotEmpty();
      List<String> forbidden = new ArrayList<>(List.of(VALUE, ROLE_ID, SECRET_ID));
      forbidden.addAll(tokens);
      for (String text : texts) {
        for (String f : forbidden) {
          assertThat(text).as("a log line, message or toString").doesNotContain(f);
        }
      }
    } finally {
      root.detachAppender(appender);
      ysh.setLevel(previous);
    }
  }

  private static void capture(List<String> texts, Runnable call) {
    try {
      call.run();
      texts.add("(no exception)");
    } catch (YshException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
        if (t.getCause() == t) {
          break;
        }
      }
    }
  }
}
