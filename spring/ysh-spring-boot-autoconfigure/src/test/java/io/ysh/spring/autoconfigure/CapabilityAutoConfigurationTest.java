package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.cache.Cache;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import io.ysh.storage.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage, cache and secrets beans: present, absent, user override, bad property. */
class CapabilityAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          YshTelemetryAutoConfiguration.class,
          YshStorageAutoConfiguration.class,
          YshCacheAutoConfiguration.class,
          YshSecretsAutoConfiguration.class));

  @Test
  void noPropertiesNoBeans() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(ObjectStorage.class);
      assertThat(ctx).doesNotHaveBean(Cache.class);
      assertThat(ctx).doesNotHaveBean(SecretStore.class);
      assertThat(ctx).hasSingleBean(Telemetry.class);
    });
  }

  @Test
  void eachUrlGivesAWorkingBean(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("asaas-api-key"), "k-123");
    runner.withPropertyValues(
            "ysh.storage.url=mem://spring-test-storage",
            "ysh.cache.url=mem://?namespace=spring-test",
            "ysh.secrets.url=" + dir.toUri())
        .run(ctx -> {
          ObjectStorage storage = ctx.getBean(ObjectStorage.class);
          storage.put("a.txt", "hello".getBytes(StandardCharsets.UTF_8));
          assertThat(storage.getBytes("a.txt")).asString(StandardCharsets.UTF_8).isEqualTo("hello");
          assertThat(storage.provider()).isEqualTo("memory");

          Cache cache = ctx.getBean(Cache.class);
          cache.strings().put("k", "v");
          assertThat(cache.strings().get("k")).contains("v");
          assertThat(cache.namespace()).contains("spring-test");

          SecretStore secrets = ctx.getBean(SecretStore.class);
          assertThat(secrets.get("asaas-api-key").secret().reveal()).isEqualTo("k-123");
        });
  }

  @Test
  void beansAreClosedWithTheContext() {
    Cache[] cache = new Cache[1];
    runner.withPropertyValues("ysh.cache.url=mem://?namespace=closing").run(ctx -> cache[0] = ctx.getBean(Cache.class));
    assertThatThrownBy(() -> cache[0].strings().put("k", "v")).isInstanceOf(YshException.class);
  }

  @Test
  void userBeansWin() {
    runner.withUserConfiguration(UserBeans.class)
        .withPropertyValues(
            "ysh.storage.url=mem://ignored",
            "ysh.cache.url=mem://?namespace=ignored",
            "ysh.secrets.url=env://?prefix=IGNORED_")
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(ObjectStorage.class);
          assertThat(ctx.getBean(ObjectStorage.class)).isSameAs(ctx.getBean(UserBeans.class).storage);
          assertThat(ctx.getBean(Cache.class).namespace()).contains("mine");
          assertThat(ctx.getBean(SecretStore.class)).isSameAs(ctx.getBean(UserBeans.class).secrets);
        });
  }

  @Test
  void missingDriverFailsNamingThePropertyAndTheArtifact() {
    runner.withPropertyValues("ysh.storage.url=s3://AKIAEXAMPLE:very-secret-key@bucket?region=sa-east-1")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          Throwable failure = ctx.getStartupFailure();
          FailureAnalysis analysis = new YshConfigurationFailureAnalyzer().analyze(failure);
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription()).contains("ysh.storage.url").contains("s3://");
          assertThat(analysis.getAction()).contains("io.ysh:ysh-storage-s3").contains("ysh.storage.url");
          assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("very-secret-key");
          assertThat(stackText(failure)).doesNotContain("very-secret-key");
        });
  }

  @Test
  void unknownSchemeFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.cache.url=memcached://host:11211")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis analysis = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(analysis.getDescription()).contains("ysh.cache.url").contains("memcached");
          assertThat(analysis.getAction()).contains("Correct ysh.cache.url");
        });
  }

  @Test
  void badParameterFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.secrets.url=env://?nonsense=1")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis analysis = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(analysis.getDescription()).contains("ysh.secrets.url").contains("nonsense");
        });
  }

  @Test
  void emptyUrlFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.storage.url=")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis analysis = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(analysis.getDescription()).contains("ysh.storage.url").contains("empty");
        });
  }

  @Test
  void userTelemetryReachesTheBeans() {
    java.util.List<String> ops = new java.util.concurrent.CopyOnWriteArrayList<>();
    Telemetry mine = context -> {
      ops.add(context.operation());
      return new Telemetry.Observation() {
        @Override
        public void success() {}

        @Override
        public void failure(YshException error) {}
      };
    };
    runner.withBean(Telemetry.class, () -> mine)
        .withPropertyValues("ysh.cache.url=mem://?namespace=telemetry")
        .run(ctx -> {
          ctx.getBean(Cache.class).strings().put("k", "v");
          assertThat(ops).isNotEmpty();
        });
  }

  static String stackText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    final ObjectStorage storage = ObjectStorage.open("mem://user-storage");
    final SecretStore secrets = SecretStore.open("env://?prefix=USER_");

    @Bean
    ObjectStorage myStorage() {
      return storage;
    }

    @Bean
    Cache myCache() {
      return Cache.open("mem://?namespace=mine");
    }

    @Bean
    SecretStore mySecrets() {
      return secrets;
    }

}
}
