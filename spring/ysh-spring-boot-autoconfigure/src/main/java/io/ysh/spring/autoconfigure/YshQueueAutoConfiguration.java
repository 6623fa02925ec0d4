package io.ysh.spring.autoconfigure;

import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * One {@link Topic} bean per {@code ysh.queue.topics.<name>.url} (named {@code <name>Topic}) and
 * one {@link Subscription} bean per {@code ysh.queue.subscriptions.<name>.url} (named
 * {@code <name>Subscription}), each qualified by {@code <name>}:
 *
 * <pre>{@code
 * ysh.queue.topics.orders.url: rabbitmq://guest:guest@localhost/orders
 * ysh.queue.subscriptions.orders.url: rabbitmq://guest:guest@localhost/orders
 *
 * OrderService(@Qualifier("orders") Topic orders) { ... }
 * }</pre>
 *
 * <p>A name whose bean the application already defines (same bean name) is left to the
 * application. Each bean reports to the {@link Telemetry} bean and is closed with the context.
 */
@AutoConfiguration(after = YshTelemetryAutoConfiguration.class)
@ConditionalOnClass(Topic.class)
@EnableConfigurationProperties(YshQueueProperties.class)
@Import(YshQueueAutoConfiguration.Registrar.class)
public class YshQueueAutoConfiguration {

  /** Creates the configuration. */
  public YshQueueAutoConfiguration() {}

  /**
   * Runs the {@link YshListener} methods.
   *
   * @return the registrar
   */
  @org.springframework.context.annotation.Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
  public static YshListenerRegistrar yshListenerRegistrar() {
    return new YshListenerRegistrar();
  }

  /**
   * The bean name of a configured topic.
   *
   * @param name the name under {@code ysh.queue.topics}
   * @return {@code <name>Topic}
   */
  public static String topicBeanName(String name) {
    return name + "Topic";
  }

  /**
   * The bean name of a configured subscription.
   *
   * @param name the name under {@code ysh.queue.subscriptions}
   * @return {@code <name>Subscription}
   */
  public static String subscriptionBeanName(String name) {
    return name + "Subscription";
  }

  /** Registers the bean definitions, one per configured name. */
  static final class Registrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
      this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      Binder binder = Binder.get(environment);
      Map<String, YshQueueProperties.Endpoint> topics = binder
          .bind("ysh.queue.topics", Bindable.mapOf(String.class, YshQueueProperties.Endpoint.class))
          .orElse(Map.of());
      Map<String, YshQueueProperties.Endpoint> subscriptions = binder
          .bind("ysh.queue.subscriptions", Bindable.mapOf(String.class, YshQueueProperties.Endpoint.class))
          .orElse(Map.of());
      topics.forEach((name, e) -> register(registry, Topic.class, topicBeanName(name), name,
          "ysh.queue.topics." + name + ".url", e.getUrl(),
          url -> Topic.builder(url).telemetry(telemetry()).build()));
      subscriptions.forEach((name, e) -> register(registry, Subscription.class, subscriptionBeanName(name), name,
          "ysh.queue.subscriptions." + name + ".url", e.getUrl(),
          url -> Subscription.builder(url).telemetry(telemetry()).build()));
    }

    private Telemetry telemetry() {
      return beanFactory.getBeanProvider(Telemetry.class).getIfAvailable(Telemetry::defaults);
    }

    private <T> void register(BeanDefinitionRegistry registry, Class<T> type, String beanName, String qualifier,
        String property, String url, Function<String, T> opener) {
      if (registry.containsBeanDefinition(beanName)) {
        return;
      }
      RootBeanDefinition definition = new RootBeanDefinition(type, () -> Urls.open(property, url, opener));
      definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, qualifier));
      definition.setDestroyMethodName("close");
      registry.registerBeanDefinition(beanName, definition);
    }
  }
}
