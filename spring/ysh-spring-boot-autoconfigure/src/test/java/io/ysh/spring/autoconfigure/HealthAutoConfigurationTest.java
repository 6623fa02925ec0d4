package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.cache.Cache;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Health indicators, read through reflection so the same test runs on Boot 4's
 * {@code org.springframework.boot.health.contributor} and Boot 3's
 * {@code org.springframework.boot.actuate.health}.
 */
class HealthAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          YshTelemetryAutoConfiguration.class, YshStorageAutoConfiguration.class, YshCacheAutoConfiguration.class,
          YshSecretsAutoConfiguration.class, YshHealthAutoConfiguration.class));

  static String healthIndicatorType() {
    String boot = System.getProperty("ysh.expected.boot", "4.");
    return boot.startsWith("3.") ? YshHealthAutoConfiguration.BOOT3 + ".HealthIndicator"
        : YshHealthAutoConfiguration.BOOT4 + ".HealthIndicator";
  }

  /** Calls health() and returns [status code, details]. */
  @SuppressWarnings("unchecked")
  static Object[] health(Object indicator) throws Exception {
    assertThat(Class.forName(healthIndicatorType()).isInstance(indicator)).as("implements " + healthIndicatorType()).isTrue();
    Object health = indicator.getClass().getMethod("health").invoke(indicator);
    Object status = health.getClass().getMethod("getStatus").invoke(health);
    String code = (String) status.getClass().getMethod("getCode").invoke(status);
    Map<String, Object> details = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
    return new Object[] {code, details};
  }

  @Test
  void eachBeanHasAnIndicatorThatIsUpWhenReachable(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x"), "y");
    runner.withPropertyValues("ysh.storage.url=mem://health", "ysh.cache.url=mem://?namespace=health",
            "ysh.secrets.url=" + dir.toUri())
        .run(ctx -> {
          for (String name : new String[] {"yshStorageHealthIndicator", "yshCacheHealthIndicator", "yshSecretsHealthIndicator"}) {
            Object[] h = health(ctx.getBean(name));
            assertThat(h[0]).as(name).isEqualTo("UP");
            assertThat(details(h)).containsKey("provider");
          }
        });
  }

  @Test
  void noBeansNoIndicators() {
    runner.run(ctx -> assertThat(ctx).doesNotHaveBean("yshStorageHealthIndicator").doesNotHaveBean("yshCacheHealthIndicator"));
    runner.withPropertyValues("ysh.cache.url=mem://?namespace=off", "ysh.health.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshCacheHealthIndicator"));
  }

  @Test
  void downWhenTheStoreFailsWithTheCodeAndNoMessage() {
    runner.withPropertyValues("ysh.cache.url=mem://?namespace=down").run(ctx -> {
      ctx.getBean(Cache.class).close();
      Object[] h = health(ctx.getBean("yshCacheHealthIndicator"));
      assertThat(h[0]).isEqualTo("DOWN");
      assertThat(details(h)).containsEntry("error", "UNAVAILABLE").hasSize(2);
    });
  }

  @Test
  void aHungStoreIsDownWithinTheTimeout() {
    CacheDriver slow = (CacheDriver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CacheDriver.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "provider" -> "slow";
          case "errorMapper" -> ErrorMapper.defaults();
          case "defaultPolicy" -> ResiliencePolicy.defaults();
          case "exists" -> {
            Thread.sleep(10_000);
            yield false;
          }
          case "toString" -> "slow";
          case "hashCode" -> 0;
          case "equals" -> proxy == args[0];
          default -> defaultValue(method);
        });
    runner.withBean(Cache.class, () -> Cache.builder(slow).build())
        .withPropertyValues("ysh.health.timeout=300ms")
        .run(ctx -> {
          long start = System.nanoTime();
          Object[] h = health(ctx.getBean("yshCacheHealthIndicator"));
          long ms = (System.nanoTime() - start) / 1_000_000;
          assertThat(h[0]).isEqualTo("DOWN");
          assertThat(String.valueOf(details(h).get("error"))).startsWith("timeout");
          assertThat(ms).isLessThan(3_000);
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Object[] h) {
    return (Map<String, Object>) h[1];
  }

  private static Object defaultValue(Method m) {
    Class<?> t = m.getReturnType();
    if (t == boolean.class) {
      return false;
    }
    if (t == long.class || t == int.class) {
      return 0;
    }
    return null;
  }
}
