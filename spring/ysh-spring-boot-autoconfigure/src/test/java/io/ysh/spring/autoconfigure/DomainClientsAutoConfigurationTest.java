package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.EnergyPrice;
import io.ysh.aneel.TariffCalculator;
import io.ysh.aneel.TariffQuery;
import io.ysh.asaas.AsaasClient;
import io.ysh.core.Secret;
import io.ysh.testkit.aneel.AneelSimulator;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** AsaasClient and AneelClient (+ YshTariffs) beans, against the simulators. */
class DomainClientsAutoConfigurationTest {

  private static AsaasSimulator asaas;
  private static AneelSimulator aneel;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          YshTelemetryAutoConfiguration.class,
          YshSecretsAutoConfiguration.class,
          YshAsaasAutoConfiguration.class,
          YshAneelAutoConfiguration.class));

  @BeforeAll
  static void start() {
    asaas = AsaasSimulator.start();
    try {
      aneel = AneelSimulator.builder()
          .resource(AneelDataset.TARIFFS.packageId(), AneelDataset.TARIFFS.resourceId(),
              "tarifas-distribuidoras-energia-eletrica.csv", resource("tarifas-b1.csv"))
          .resource(AneelDataset.FLAG_ACTIVATIONS.packageId(), AneelDataset.FLAG_ACTIVATIONS.resourceId(),
              "bandeira-tarifaria-acionamento.csv", resource("bandeira-tarifaria-acionamento.csv"))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    asaas.close();
    aneel.close();
  }

  static byte[] resource(String name) {
    try (InputStream in = DomainClientsAutoConfigurationTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void noApiKeyNoAsaasClient() {
    runner.withPropertyValues("ysh.asaas.base-url=" + asaas.baseUrl()).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(AsaasClient.class);
    });
  }

  @Test
  void apiKeyPropertyGivesAWorkingClient() {
    runner.withPropertyValues("ysh.asaas.base-url=" + asaas.baseUrl(), "ysh.asaas.api-key=" + asaas.apiKey(),
            "ysh.asaas.read-timeout=5s")
        .run(ctx -> {
          AsaasClient client = ctx.getBean(AsaasClient.class);
          assertThat(client.baseUrl()).startsWith(asaas.baseUrl());
          assertThat(client.finance().balance()).isNotNull();
          assertThat(client.toString()).doesNotContain(asaas.apiKey());
        });
  }

  @Test
  void apiKeyFromTheSecretStore(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("asaas-api-key"), asaas.apiKey());
    runner.withPropertyValues("ysh.secrets.url=" + dir.toUri(), "ysh.asaas.base-url=" + asaas.baseUrl(),
            "ysh.asaas.api-key-secret=asaas-api-key")
        .run(ctx -> assertThat(ctx.getBean(AsaasClient.class).finance().balance()).isNotNull());
  }

  @Test
  void userClientWins() {
    AsaasClient mine = AsaasClient.builder().apiKey(Secret.of(asaas.apiKey())).baseUrl(asaas.baseUrl()).build();
    runner.withBean(AsaasClient.class, () -> mine)
        .withPropertyValues("ysh.asaas.api-key=" + asaas.apiKey())
        .run(ctx -> assertThat(ctx.getBean(AsaasClient.class)).isSameAs(mine));
  }

  @Test
  void secretNameWithoutAStoreFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.asaas.api-key-secret=asaas-api-key").run(ctx -> {
      assertThat(ctx).hasFailed();
      FailureAnalysis a = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
      assertThat(a.getDescription()).contains("ysh.asaas.api-key-secret").contains("ysh.secrets.url");
    });
  }

  @Test
  void missingSecretFailsNamingThePropertyAndTheSecret(@TempDir Path dir) {
    runner.withPropertyValues("ysh.secrets.url=" + dir.toUri(), "ysh.asaas.api-key-secret=nope")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis a = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(a.getDescription()).contains("ysh.asaas.api-key-secret").contains("'nope'");
        });
  }

  @Test
  void sandboxKeyOnProductionFailsWithoutPrintingTheKey() {
    runner.withPropertyValues("ysh.asaas.environment=PRODUCTION", "ysh.asaas.api-key=" + asaas.apiKey())
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          FailureAnalysis a = new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure());
          assertThat(a.getDescription()).contains("ysh.asaas").contains("PRODUCTION");
          assertThat(CapabilityAutoConfigurationTest.stackText(ctx.getStartupFailure())).doesNotContain(asaas.apiKey());
        });
  }

  @Test
  void aneelClientByDefaultAndOffOnRequest() {
    runner.run(ctx -> {
      assertThat(ctx.getBean(AneelClient.class).baseUrl()).startsWith(AneelClient.DEFAULT_BASE_URL);
      assertThat(ctx).doesNotHaveBean(YshTariffs.class);
    });
    runner.withPropertyValues("ysh.aneel.enabled=false").run(ctx -> assertThat(ctx).doesNotHaveBean(AneelClient.class));
  }

  @Test
  void badAneelUrlFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.aneel.base-url=ftp://example.org").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
          .contains("ysh.aneel.base-url");
    });
  }

  @Test
  void tariffsLoadOnFirstUseAndRefreshWhenDue() {
    runner.withPropertyValues("ysh.aneel.base-url=" + aneel.baseUrl(), "ysh.aneel.tariffs.enabled=true",
            "ysh.aneel.tariffs.refresh-interval=1ms")
        .run(ctx -> {
          YshTariffs tariffs = ctx.getBean(YshTariffs.class);
          assertThat(tariffs.loadCount()).isZero();
          TariffCalculator first = tariffs.current();
          assertThat(first.price(TariffQuery.builder("CEMIG-D", "B1", LocalDate.of(2026, 9, 15))
              .consumerClass("Residencial", "Residencial").build())).isInstanceOf(EnergyPrice.class);
          Thread.sleep(5);
          TariffCalculator second = tariffs.current();
          assertThat(tariffs.loadCount()).isEqualTo(2);
          assertThat(second).isNotSameAs(first);

          aneel.fail(AneelSimulator.Target.ANY, 50, 503);
          Thread.sleep(5);
          assertThat(tariffs.current()).as("a failed refresh keeps the last tables").isSameAs(second);
          aneel.clearFaults();
        });
  }

  @Test
  void nonPositiveRefreshIntervalFailsNamingTheProperty() {
    runner.withPropertyValues("ysh.aneel.tariffs.enabled=true", "ysh.aneel.tariffs.refresh-interval=0s").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(new YshConfigurationFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
          .contains("ysh.aneel.tariffs.refresh-interval");
    });
  }
}
