package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.YshException;
import io.ysh.secrets.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;

/**
 * {@code spring.config.import=ysh-secrets:} through a real {@link SpringApplication} (config data is
 * processed only there), on a {@code file://} secret store in a temporary directory.
 */
class SecretsImportTest {

  /** Bound from the imported secrets, to show in /actuator/configprops. */
  @org.springframework.boot.context.properties.ConfigurationProperties("db")
  public static class Db {
    private String password;
    private String user;

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(YshSecretsImportAutoConfiguration.class)
  @org.springframework.boot.context.properties.EnableConfigurationProperties(Db.class)
  static class App {
    final List<YshSecretRotatedEvent> rotations = new CopyOnWriteArrayList<>();

    @Bean
    ApplicationListener<YshSecretRotatedEvent> rotationRecorder() {
      return rotations::add;
    }
  }

  private static ConfigurableApplicationContext run(String... args) {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    return app.run(args);
  }

  private static Path store(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/password"), "s3cr3t-db");
    Files.writeString(dir.resolve("asaas-api-key"), "s3cr3t-asaas");
    return dir;
  }

  private static YshSecretsPropertySource source(ConfigurableApplicationContext ctx) {
    for (PropertySource<?> ps : ctx.getEnvironment().getPropertySources()) {
      if (ps instanceof YshSecretsPropertySource y) {
        return y;
      }
    }
    throw new AssertionError("no ysh-secrets property source");
  }

  @Test
  void theListedKeysBecomePropertiesWithSlashesAsDots(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.keys=db/password", "--ysh.secrets.import.refresh=false")) {
      assertThat(ctx.getEnvironment().getProperty("db.password")).isEqualTo("s3cr3t-db");
      assertThat(ctx.getEnvironment().containsProperty("asaas-api-key")).isFalse();
      assertThat(source(ctx).getName()).startsWith("ysh-secrets:").doesNotContain("s3cr3t");
      assertThat(source(ctx).toString()).doesNotContain("s3cr3t");
    }
  }

  @Test
  void withoutKeysEveryListedNameIsLoadedUnderThePropertyPrefix(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.property-prefix=app.secrets.")) {
      assertThat(ctx.getEnvironment().getProperty("app.secrets.db.password")).isEqualTo("s3cr3t-db");
      assertThat(ctx.getEnvironment().getProperty("app.secrets.asaas-api-key")).isEqualTo("s3cr3t-asaas");
      assertThat(source(ctx).getPropertyNames()).containsExactlyInAnyOrder("app.secrets.db.password", "app.secrets.asaas-api-key");
    }
  }

  @Test
  void theListPrefixNarrowsTheListing(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.list-prefix=db/")) {
      assertThat(source(ctx).getPropertyNames()).containsExactly("db.password");
    }
  }

  @Test
  void namesAfterThePrefixReplaceTheKeysProperty(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:asaas-api-key",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.keys=db/password")) {
      assertThat(ctx.getEnvironment().getProperty("asaas-api-key")).isEqualTo("s3cr3t-asaas");
      assertThat(ctx.getEnvironment().containsProperty("db.password")).isFalse();
    }
  }

  @Test
  void theEnvEndpointMasksEveryImportedValueEvenWhenShowingValues(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--plain.value=visible")) {
      List<SanitizingFunction> functions = new ArrayList<>(ctx.getBeansOfType(SanitizingFunction.class).values());
      assertThat(functions).hasSize(1);
      EnvironmentEndpoint endpoint = new EnvironmentEndpoint(ctx.getEnvironment(), functions, Show.ALWAYS);
      StringBuilder all = new StringBuilder();
      int masked = 0;
      for (EnvironmentEndpoint.PropertySourceDescriptor ps : endpoint.environment(null).getPropertySources()) {
        for (Map.Entry<String, EnvironmentEndpoint.PropertyValueDescriptor> e : ps.getProperties().entrySet()) {
          all.append(ps.getName()).append(' ').append(e.getKey()).append('=').append(e.getValue().getValue()).append('\n');
          if (ps.getName().startsWith("ysh-secrets:")) {
            assertThat(e.getValue().getValue()).as(e.getKey()).isEqualTo("******");
            masked++;
          }
        }
      }
      assertThat(masked).isEqualTo(2);
      assertThat(all).doesNotContain("s3cr3t").contains("plain.value=visible");
      Object entry = endpoint.environmentEntry("db.password").getProperty().getValue();
      assertThat(entry).isEqualTo("******");
    }
  }

  @Test
  void theEnvEndpointMasksPasswordsInUrlPropertiesResolvedFromPlaceholders(@TempDir Path dir) throws Exception {
    // the resolved value of ysh.storage.url holds the imported secret; passwords with '/', '@', '+'
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.storage.url=mem://bucket",
        "--app.queue.url=rabbitmq://guest:g/u+e@st@127.0.0.1:5672/vh",
        "--app.other.url=s3://AKID:${asaas-api-key}@127.0.0.1:9000/b",
        "--app.broken.url=redis://u:p@:notaport", "--plain.value=visible")) {
      List<SanitizingFunction> functions = new ArrayList<>(ctx.getBeansOfType(SanitizingFunction.class).values());
      EnvironmentEndpoint endpoint = new EnvironmentEndpoint(ctx.getEnvironment(), functions, Show.ALWAYS);
      StringBuilder all = new StringBuilder();
      for (EnvironmentEndpoint.PropertySourceDescriptor ps : endpoint.environment(null).getPropertySources()) {
        for (Map.Entry<String, EnvironmentEndpoint.PropertyValueDescriptor> e : ps.getProperties().entrySet()) {
          all.append(e.getKey()).append('=').append(e.getValue().getValue()).append('\n');
        }
      }
      assertThat(all).doesNotContain("s3cr3t").doesNotContain("g/u+e@st").doesNotContain(":p@")
          .contains("plain.value=visible").contains("ysh.storage.url=mem://bucket").contains("AKID");
      assertThat(endpoint.environmentEntry("app.other.url").getProperty().getValue().toString())
          .doesNotContain("s3cr3t").contains("127.0.0.1:9000");
    }
  }

  @Test
  void theConfigpropsEndpointMasksValuesBoundFromTheImport(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--db.user=visible-user")) {
      assertThat(ctx.getBean(Db.class).getPassword()).isEqualTo("s3cr3t-db");
      org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint endpoint =
          new org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint(
              ctx.getBeansOfType(SanitizingFunction.class).values(), Show.ALWAYS);
      endpoint.setApplicationContext(ctx);
      var beans = endpoint.configurationPropertiesWithPrefix("db").getContexts().values().iterator().next().getBeans();
      var db = beans.values().stream().filter(b -> b.getPrefix().equals("db")).findFirst().orElseThrow();
      assertThat(db.getProperties()).containsEntry("password", "******").containsEntry("user", "visible-user");
      assertThat(db.getProperties().toString() + db.getInputs()).doesNotContain("s3cr3t");
    }
  }

  @Test
  void aRotationUpdatesThePropertyAndPublishesAnEvent(@TempDir Path dir) throws Exception {
    ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.keys=db/password",
        "--ysh.secrets.import.refresh-interval=100ms");
    try {
      assertThat(ctx.getBean(YshSecretsRefresher.class).watched()).isEqualTo(1);
      Files.writeString(dir.resolve("db/password"), "rotated-db");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"rotated-db".equals(ctx.getEnvironment().getProperty("db.password")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(ctx.getEnvironment().getProperty("db.password")).isEqualTo("rotated-db");
      App app = ctx.getBean(App.class);
      while (app.rotations.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(app.rotations).singleElement().satisfies(e -> {
        assertThat(e.property()).isEqualTo("db.password");
        assertThat(e.secretName()).isEqualTo("db/password");
        assertThat(e.toString()).doesNotContain("rotated");
      });
      SecretStore store = source(ctx).store().orElseThrow();
      YshSecretsRefresher refresher = ctx.getBean(YshSecretsRefresher.class);
      ctx.close();
      assertThat(refresher.watched()).isZero();
      assertThatThrownBy(() -> store.get("db/password")).isInstanceOf(YshException.class);
    } finally {
      ctx.close();
    }
  }

  @Test
  void withoutRefreshTheStoreIsClosedAfterLoading(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.refresh=false")) {
      assertThat(source(ctx).store()).isEmpty();
      assertThat(ctx.getBean(YshSecretsRefresher.class).watched()).isZero();
    }
  }

  @Test
  void anOptionalImportWithoutAUrlOrWithAnUnusableStoreContributesNothing(@TempDir Path dir) throws Exception {
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=optional:ysh-secrets:")) {
      assertThat(ctx.getEnvironment().getPropertySources().stream().noneMatch(YshSecretsPropertySource.class::isInstance)).isTrue();
    }
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=optional:ysh-secrets:",
        "--ysh.secrets.url=" + dir.resolve("absent").toUri())) {
      assertThat(ctx.getEnvironment().getPropertySources().stream().noneMatch(YshSecretsPropertySource.class::isInstance)).isTrue();
    }
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=optional:ysh-secrets:",
        "--ysh.secrets.url=" + store(dir).toUri(), "--ysh.secrets.import.keys=missing")) {
      assertThat(ctx.getEnvironment().getPropertySources().stream().noneMatch(YshSecretsPropertySource.class::isInstance)).isTrue();
    }
  }

  private static YshConfigurationException failure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof YshConfigurationException y) {
        return y;
      }
    }
    throw new AssertionError("no YshConfigurationException in the chain", t);
  }

  @Test
  void aRequiredImportWithoutAUrlFailsNamingTheProperty() {
    assertThatThrownBy(() -> run("--spring.config.import=ysh-secrets:"))
        .satisfies(t -> assertThat(failure(t).property()).isEqualTo("ysh.secrets.url"));
  }

  @Test
  void aRequiredImportWithABadUrlFailsNamingThePropertyAndNeverThePassword() {
    assertThatThrownBy(() -> run("--spring.config.import=ysh-secrets:", "--ysh.secrets.url=vault://app:hunter2-pw@127.0.0.1:1/secret"))
        .satisfies(t -> {
          YshConfigurationException y = failure(t);
          assertThat(y.property()).isEqualTo("ysh.secrets.url");
          assertThat(y.missingArtifact()).contains("io.ysh:ysh-secrets-vault");
          org.springframework.boot.diagnostics.FailureAnalysis a = new YshConfigurationFailureAnalyzer().analyze(t);
          assertThat(a.getDescription()).contains("ysh.secrets.url").doesNotContain("hunter2");
          assertThat(a.getAction()).contains("io.ysh:ysh-secrets-vault");
          for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain("hunter2");
          }
        });
  }

  @Test
  void aMissingSecretFailsNamingTheKeysProperty(@TempDir Path dir) throws Exception {
    Path d = store(dir);
    assertThatThrownBy(() -> run("--spring.config.import=ysh-secrets:", "--ysh.secrets.url=" + d.toUri(),
        "--ysh.secrets.import.keys=db/password,nope"))
        .satisfies(t -> {
          assertThat(failure(t).property()).isEqualTo("ysh.secrets.import.keys");
          assertThat(failure(t).getMessage()).contains("nope").doesNotContain("s3cr3t");
        });
  }

  @Test
  void aStoreThatCannotListNeedsKeys() {
    assertThatThrownBy(() -> run("--spring.config.import=ysh-secrets:", "--ysh.secrets.url=nolist-test://x"))
        .satisfies(t -> assertThat(failure(t).property()).isEqualTo("ysh.secrets.import.keys"));
    try (ConfigurableApplicationContext ctx = run("--spring.config.import=ysh-secrets:", "--ysh.secrets.url=nolist-test://x",
        "--ysh.secrets.import.keys=only")) {
      assertThat(ctx.getEnvironment().getProperty("only")).isEqualTo("s3cr3t-only");
    }
  }

  @Test
  void aBadRefreshIntervalFailsNamingTheProperty(@TempDir Path dir) throws Exception {
    Path d = store(dir);
    assertThatThrownBy(() -> run("--spring.config.import=ysh-secrets:", "--ysh.secrets.url=" + d.toUri(),
        "--ysh.secrets.import.refresh-interval=0s"))
        .satisfies(t -> assertThat(failure(t).property()).isEqualTo("ysh.secrets.import.refresh-interval"));
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(YshSecretsImportAutoConfiguration.class));

  @Test
  void theRunTimeBeansArePresentBackOffAndNeedTheSecretsApi() {
    runner.run(ctx -> assertThat(ctx).hasSingleBean(YshSecretsRefresher.class).hasBean("yshSecretsSanitizingFunction"));
    SanitizingFunction mine = data -> data;
    runner.withBean("yshSecretsSanitizingFunction", SanitizingFunction.class, () -> mine)
        .run(ctx -> assertThat(ctx.getBean("yshSecretsSanitizingFunction")).isSameAs(mine));
    runner.withClassLoader(new FilteredClassLoader(SecretStore.class))
        .run(ctx -> assertThat(ctx).doesNotHaveBean(YshSecretsRefresher.class).doesNotHaveBean("yshSecretsSanitizingFunction"));
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(ctx -> assertThat(ctx).hasSingleBean(YshSecretsRefresher.class).doesNotHaveBean("yshSecretsSanitizingFunction"));
  }
}
