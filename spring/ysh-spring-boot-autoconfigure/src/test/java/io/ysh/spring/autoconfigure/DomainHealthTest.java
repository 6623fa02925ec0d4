package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.asaas.AsaasClient;
import io.ysh.testkit.aneel.AneelSimulator;
import io.ysh.testkit.asaas.AsaasSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Asaas and ANEEL health indicators against the simulators: UP when served, DOWN when the
 * server is cut, DOWN with {@code UNAUTHENTICATED} for a refused Asaas key, never a key or URL in
 * the details.
 */
class DomainHealthTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(YshTelemetryAutoConfiguration.class, YshSecretsAutoConfiguration.class,
          YshAsaasAutoConfiguration.class, YshAneelAutoConfiguration.class, YshHealthAutoConfiguration.class));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Object[] h) {
    return (Map<String, Object>) h[1];
  }

  private static AneelSimulator aneel() {
    try {
      return AneelSimulator.builder()
          .resource(AneelDataset.TARIFFS.packageId(), AneelDataset.TARIFFS.resourceId(),
              "tarifas-distribuidoras-energia-eletrica.csv", DomainClientsAutoConfigurationTest.resource("tarifas-b1.csv"))
          .start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void asaasIsUpWithAValidKeyDownWithARefusedKeyAndDownWhenCut() {
    AsaasSimulator asaas = AsaasSimulator.start();
    try {
      runner.withPropertyValues("ysh.asaas.base-url=" + asaas.baseUrl(), "ysh.asaas.api-key=" + asaas.apiKey(), "ysh.aneel.enabled=false")
          .run(ctx -> {
            Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAsaasHealthIndicator"));
            assertThat(h[0]).isEqualTo("UP");
            assertThat(details(h)).containsOnlyKeys("provider");
            assertThat(asaas.requestCount("GET", "/v3/finance/balance") + asaas.requestCount("GET", "/finance/balance")).isPositive();
          });
      String wrong = asaas.apiKey().substring(0, asaas.apiKey().length() - 4) + "zzzz";
      runner.withPropertyValues("ysh.asaas.base-url=" + asaas.baseUrl(), "ysh.asaas.api-key=" + wrong, "ysh.aneel.enabled=false")
          .run(ctx -> {
            Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAsaasHealthIndicator"));
            assertThat(h[0]).isEqualTo("DOWN");
            assertThat(details(h)).containsEntry("error", "UNAUTHENTICATED");
            assertThat(details(h).toString()).doesNotContain(wrong).doesNotContain(asaas.baseUrl());
          });
    } finally {
      asaas.close();
    }
    runner.withPropertyValues("ysh.asaas.base-url=" + asaas.baseUrl(), "ysh.asaas.api-key=" + asaas.apiKey(),
            "ysh.aneel.enabled=false", "ysh.health.timeout=5s")
        .run(ctx -> {
          Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAsaasHealthIndicator"));
          assertThat(h[0]).isEqualTo("DOWN");
          assertThat(details(h)).containsKey("error");
          assertThat(details(h).toString()).doesNotContain(asaas.apiKey()).doesNotContain(asaas.baseUrl());
        });
  }

  @Test
  void aneelIsUpWhenThePortalAnswersAndDownWhenCut() {
    AneelSimulator sim = aneel();
    String base = sim.baseUrl();
    try {
      runner.withPropertyValues("ysh.aneel.base-url=" + base).run(ctx -> {
        Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAneelHealthIndicator"));
        assertThat(h[0]).isEqualTo("UP");
        assertThat(details(h)).containsOnlyKeys("provider");
        assertThat(sim.requests()).anySatisfy(r -> assertThat(r.path()).contains("package_show"));
      });
    } finally {
      sim.close();
    }
    runner.withPropertyValues("ysh.aneel.base-url=" + base, "ysh.health.timeout=5s").run(ctx -> {
      Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAneelHealthIndicator"));
      assertThat(h[0]).isEqualTo("DOWN");
      assertThat(details(h).toString()).doesNotContain(base);
    });
  }

  @Test
  void aHungPortalIsDownWithinTheTimeout() {
    AneelSimulator sim = aneel();
    try {
      sim.delay(AneelSimulator.Target.API, 100, java.time.Duration.ofSeconds(5));
      runner.withPropertyValues("ysh.aneel.base-url=" + sim.baseUrl(), "ysh.health.timeout=300ms").run(ctx -> {
        long t0 = System.nanoTime();
        Object[] h = HealthAutoConfigurationTest.health(ctx.getBean("yshAneelHealthIndicator"));
        assertThat(h[0]).isEqualTo("DOWN");
        assertThat(details(h)).containsEntry("error", "timeout after 300 ms");
        assertThat(System.nanoTime() - t0).isLessThan(3_000_000_000L);
      });
    } finally {
      sim.close();
    }
  }

  @Test
  void noClientNoIndicatorAndTheApplicationsOwnWins() {
    runner.withPropertyValues("ysh.aneel.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshAsaasHealthIndicator").doesNotHaveBean("yshAneelHealthIndicator"));
    runner.withPropertyValues("ysh.aneel.enabled=false", "ysh.asaas.api-key=$aact_hmlg_x", "ysh.health.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshAsaasHealthIndicator"));
    runner.withClassLoader(new FilteredClassLoader(AneelClient.class, AsaasClient.class))
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshAneelHealthIndicator").doesNotHaveBean("yshAsaasHealthIndicator"));
    Object mine = new Object();
    runner.withBean("yshAneelHealthIndicator", Object.class, () -> mine)
        .run(ctx -> assertThat(ctx.getBean("yshAneelHealthIndicator")).isSameAs(mine));
  }
}
