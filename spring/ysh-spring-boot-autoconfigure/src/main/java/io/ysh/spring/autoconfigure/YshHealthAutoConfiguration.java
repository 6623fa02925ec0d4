package io.ysh.spring.autoconfigure;

import io.ysh.cache.Cache;
import io.ysh.secrets.SecretStore;
import io.ysh.storage.ObjectStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Actuator health indicators for the storage, cache and secret store beans: {@code yshStorage},
 * {@code yshCache}, {@code yshSecrets}. Each runs one cheap read of a probe key (which need not
 * exist) on a small thread pool, bounded by {@code ysh.health.timeout} (2 s by default); details
 * show the provider and, when down, the error code, never a URL or a secret. The domain clients
 * have one too: {@code yshAsaas} reads the account balance ({@code GET /finance/balance}: the
 * service is reachable <em>and</em> the key is valid; a refused key is DOWN with
 * {@code UNAUTHENTICATED}) and {@code yshAneel} reads the tariff dataset's package
 * ({@code package_show}: the portal is reachable). Queues have one for all their beans,
 * {@code yshQueues}: one {@code ping} of every {@code Topic} and {@code Subscription} bean (the
 * driver's cheapest broker call, such as a passive declare or {@code GetQueueAttributes}; nothing
 * is published or consumed), each bounded by the timeout, DOWN when any is down (a missing queue
 * included), UNKNOWN for a driver without a reachability check; details per bean name.
 *
 * <p>Works on Spring Boot 4 ({@code org.springframework.boot.health.contributor}, module
 * {@code spring-boot-health}) and 3 ({@code org.springframework.boot.actuate.health}, module
 * {@code spring-boot-actuator}): the indicator implements whichever interface is on the class path,
 * so this jar needs neither at compile time. Off with {@code ysh.health.enabled=false}.
 */
@AutoConfiguration(after = {YshStorageAutoConfiguration.class, YshCacheAutoConfiguration.class, YshSecretsAutoConfiguration.class,
    YshAsaasAutoConfiguration.class, YshAneelAutoConfiguration.class, YshQueueAutoConfiguration.class})
@ConditionalOnClass(name = {"io.ysh.storage.ObjectStorage"})
@ConditionalOnProperty(prefix = "ysh.health", name = "enabled", havingValue = "true", matchIfMissing = true)
public class YshHealthAutoConfiguration {

  static final String BOOT4 = "org.springframework.boot.health.contributor";
  static final String BOOT3 = "org.springframework.boot.actuate.health";
  static final String PROBE_KEY = "ysh-health-probe";

  /** Creates the configuration. */
  public YshHealthAutoConfiguration() {}

  /**
   * The pool the probes run on: daemon threads started on demand (at most 32; a probe beyond
   * that is DOWN as "not started"), shut down with the context.
   *
   * @return the pool
   */
  @Bean
  @ConditionalOnMissingBean(name = "yshHealthExecutor")
  public HealthExecutor yshHealthExecutor() {
    return new HealthExecutor();
  }

  /**
   * The storage indicator.
   *
   * @param storage the storage
   * @param executor the probe pool
   * @param env for {@code ysh.health.timeout}
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(ObjectStorage.class)
  @ConditionalOnMissingBean(name = "yshStorageHealthIndicator")
  public Object yshStorageHealthIndicator(ObjectStorage storage, HealthExecutor executor, Environment env) {
    return indicator(new YshHealthCheck(storage.provider(), () -> storage.exists(PROBE_KEY), timeout(env), executor.pool));
  }

  /** Cache and secrets indicators, each only when its API is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.ysh.cache.Cache")
  static class CacheHealth {
    @Bean
    @ConditionalOnBean(Cache.class)
    @ConditionalOnMissingBean(name = "yshCacheHealthIndicator")
    Object yshCacheHealthIndicator(Cache cache, HealthExecutor executor, Environment env) {
      return indicator(new YshHealthCheck(cache.provider(), () -> cache.exists(PROBE_KEY), timeout(env), executor.pool));
    }
  }

  /** The secret store indicator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.ysh.secrets.SecretStore")
  static class SecretsHealth {
    @Bean
    @ConditionalOnBean(SecretStore.class)
    @ConditionalOnMissingBean(name = "yshSecretsHealthIndicator")
    Object yshSecretsHealthIndicator(SecretStore secrets, HealthExecutor executor, Environment env) {
      return indicator(new YshHealthCheck(secrets.provider(), () -> secrets.getOptional(PROBE_KEY), timeout(env), executor.pool));
    }
  }

  /** The Asaas indicator: one balance read, which needs a valid key. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.ysh.asaas.AsaasClient")
  static class AsaasHealth {
    @Bean
    @ConditionalOnBean(io.ysh.asaas.AsaasClient.class)
    @ConditionalOnMissingBean(name = "yshAsaasHealthIndicator")
    Object yshAsaasHealthIndicator(io.ysh.asaas.AsaasClient asaas, HealthExecutor executor, Environment env) {
      return indicator(new YshHealthCheck("asaas", () -> asaas.finance().balance(), timeout(env), executor.pool, false));
    }
  }

  /** The ANEEL indicator: one package_show of the tariff dataset. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.ysh.aneel.AneelClient")
  static class AneelHealth {
    @Bean
    @ConditionalOnBean(io.ysh.aneel.AneelClient.class)
    @ConditionalOnMissingBean(name = "yshAneelHealthIndicator")
    Object yshAneelHealthIndicator(io.ysh.aneel.AneelClient aneel, HealthExecutor executor, Environment env) {
      return indicator(new YshHealthCheck("aneel", () -> aneel.packageShow(io.ysh.aneel.AneelDataset.TARIFFS.packageId()),
          timeout(env), executor.pool, false));
    }
  }

  /** The queue indicator: one ping of every Topic and Subscription bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.ysh.queue.Topic")
  static class QueueHealth {
    @Bean
    @Conditional(OnQueueBean.class)
    @ConditionalOnMissingBean(name = "yshQueuesHealthIndicator")
    Object yshQueuesHealthIndicator(ListableBeanFactory beans, HealthExecutor executor, Environment env) {
      YshQueueHealth queues = new YshQueueHealth(beans, timeout(env), executor.pool);
      return indicator(queues::check);
    }
  }

  /** A Topic or a Subscription bean exists. */
  static final class OnQueueBean extends AnyNestedCondition {
    OnQueueBean() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(type = "io.ysh.queue.Topic")
    static final class TopicBean {}

    @ConditionalOnBean(type = "io.ysh.queue.Subscription")
    static final class SubscriptionBean {}
  }

  /** What an indicator reports: a Boot status code ({@code UP}, {@code DOWN}, {@code UNKNOWN}) and details. */
  record Outcome(String status, Map<String, Object> details) {
    static Outcome of(YshHealthCheck.Result r) {
      return new Outcome(r.up() ? "UP" : "DOWN", r.details());
    }
  }

  static Duration timeout(Environment env) {
    Duration d = org.springframework.boot.context.properties.bind.Binder.get(env)
        .bind("ysh.health.timeout", Duration.class).orElse(Duration.ofSeconds(2));
    if (d.isNegative() || d.isZero()) {
      throw new YshConfigurationException("ysh.health.timeout", "must be a positive duration, was " + d, null);
    }
    return d;
  }

  /**
   * The indicator for a check: a {@code HealthIndicator} of whichever Boot line is on the class
   * path, or the check itself when neither is (then Actuator is absent and nothing reads it).
   */
  static Object indicator(YshHealthCheck check) {
    Object adapted = indicator(() -> Outcome.of(check.check()));
    return adapted instanceof Supplier<?> ? check : adapted;
  }

  /** As {@link #indicator(YshHealthCheck)}, for an outcome computed otherwise (several checks). */
  static Object indicator(Supplier<Outcome> check) {
    ClassLoader loader = YshHealthAutoConfiguration.class.getClassLoader();
    String pkg = ClassUtils.isPresent(BOOT4 + ".HealthIndicator", loader) ? BOOT4
        : ClassUtils.isPresent(BOOT3 + ".HealthIndicator", loader) ? BOOT3 : null;
    if (pkg == null) {
      return check;
    }
    try {
      Class<?> indicatorType = ClassUtils.forName(pkg + ".HealthIndicator", loader);
      Class<?> healthType = ClassUtils.forName(pkg + ".Health", loader);
      Method up = healthType.getMethod("up");
      Method down = healthType.getMethod("down");
      Method unknown = healthType.getMethod("unknown");
      Class<?> builderType = up.getReturnType();
      Method withDetails = builderType.getMethod("withDetails", Map.class);
      Method build = builderType.getMethod("build");
      InvocationHandler handler = (proxy, method, args) -> {
        switch (method.getName()) {
          case "health":
            if (method.getParameterCount() == 0) {
              Outcome r = check.get();
              Object builder = (r.status().equals("UP") ? up : r.status().equals("DOWN") ? down : unknown).invoke(null);
              withDetails.invoke(builder, r.details());
              return build.invoke(builder);
            }
            return InvocationHandler.invokeDefault(proxy, method, args);
          case "toString":
            return "YshHealthIndicator";
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == args[0];
          default:
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
      };
      return Proxy.newProxyInstance(loader, new Class<?>[] {indicatorType}, handler);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot adapt the YSH health checks to Spring Boot's " + pkg + " API", e);
    }
  }

  /** The probes' thread pool, shut down with the context. */
  public static final class HealthExecutor implements DisposableBean {

    private static final int MAX_PROBE_THREADS = 32;

    final ExecutorService pool;

    /** Creates the pool. */
    public HealthExecutor() {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, "ysh-health-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      // Threads on demand, up to 32: a probe stuck in a call that ignores interrupts keeps its
      // thread after its timeout, and a small fixed pool would then queue every later probe
      // behind it until each timed out (every indicator DOWN while one service hangs).
      this.pool = new ThreadPoolExecutor(0, MAX_PROBE_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    @Override
    public void destroy() {
      pool.shutdownNow();
    }
  }
}
