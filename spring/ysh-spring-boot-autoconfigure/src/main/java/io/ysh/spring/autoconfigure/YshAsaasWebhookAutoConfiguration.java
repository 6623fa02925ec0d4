package io.ysh.spring.autoconfigure;

import io.ysh.asaas.AsaasWebhooks;
import io.ysh.asaas.CacheWebhookEventStore;
import io.ysh.asaas.WebhookEventStore;
import io.ysh.cache.Cache;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.queue.Topic;
import io.ysh.secrets.SecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * The Asaas webhook endpoint at {@code ysh.asaas.webhook.path}, when
 * {@code ysh.asaas.webhook.auth-token} or {@code ysh.asaas.webhook.auth-token-secret} is set: an
 * {@link AsaasWebhooks} receiver, its {@link WebhookEventStore} (a {@link CacheWebhookEventStore}
 * over the {@link Cache} bean when there is one, else in memory), a
 * {@link YshAsaasWebhookEndpoint}, and a {@code RouterFunction} for Spring MVC or WebFlux,
 * whichever web application runs. Each bean backs off when the application defines its own. A
 * bad token, a token secret that cannot be read or an unknown topic fails the start-up naming the
 * property, never the token.
 */
@AutoConfiguration(after = {YshSecretsAutoConfiguration.class, YshCacheAutoConfiguration.class, YshQueueAutoConfiguration.class})
@ConditionalOnClass(AsaasWebhooks.class)
@Conditional(YshAsaasWebhookAutoConfiguration.OnToken.class)
@EnableConfigurationProperties(YshAsaasWebhookProperties.class)
public class YshAsaasWebhookAutoConfiguration {

  private static final ClassLoader LOADER = YshAsaasWebhookAutoConfiguration.class.getClassLoader();

  /** Creates the configuration. */
  public YshAsaasWebhookAutoConfiguration() {}

  /**
   * The store of seen event ids: shared through the {@link Cache} bean when there is exactly one,
   * per instance otherwise.
   *
   * @param properties {@code ysh.asaas.webhook.*}
   * @param beanFactory where the cache is looked up
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public WebhookEventStore yshAsaasWebhookEventStore(YshAsaasWebhookProperties properties, BeanFactory beanFactory) {
    if (properties.getDedupeTtl() == null || properties.getDedupeTtl().isNegative() || properties.getDedupeTtl().isZero()) {
      throw new YshConfigurationException("ysh.asaas.webhook.dedupe-ttl", "must be a positive duration, was " + properties.getDedupeTtl(), null);
    }
    if (ClassUtils.isPresent("io.ysh.cache.Cache", LOADER)) {
      WebhookEventStore shared = Shared.store(beanFactory, properties);
      if (shared != null) {
        return shared;
      }
    }
    return WebhookEventStore.inMemory();
  }

  /**
   * The receiver.
   *
   * @param properties {@code ysh.asaas.webhook.*}
   * @param store the event store
   * @param beanFactory where the secret store and the topic are looked up
   * @return the receiver
   */
  @Bean
  @ConditionalOnMissingBean
  public AsaasWebhooks asaasWebhooks(YshAsaasWebhookProperties properties, WebhookEventStore store, BeanFactory beanFactory) {
    Secret token = token(properties, beanFactory);
    AsaasWebhooks.Builder b = AsaasWebhooks.builder().eventStore(store);
    try {
      b.authToken(token);
    } catch (RuntimeException e) {
      throw new YshConfigurationException(tokenProperty(properties), "is not a usable token", null);
    }
    try {
      b.maxBodyBytes(properties.getMaxBodyBytes());
    } catch (YshException e) {
      throw new YshConfigurationException("ysh.asaas.webhook.max-body-bytes", e.getMessage(), e);
    }
    String topic = properties.getTopic();
    if (topic != null && !topic.isBlank()) {
      if (!ClassUtils.isPresent("io.ysh.queue.Topic", LOADER)) {
        throw new YshConfigurationException("ysh.asaas.webhook.topic", "needs io.ysh:ysh-queue-api on the class path", null);
      }
      b.deliverTo(Topics.find(beanFactory, topic.strip()));
    }
    try {
      return b.build();
    } catch (YshException e) {
      // the only check left is the token's length; its value never reaches the message
      throw new YshConfigurationException(tokenProperty(properties), e.getMessage(), e);
    }
  }

  /**
   * The endpoint both web stacks route to.
   *
   * @param properties {@code ysh.asaas.webhook.*}
   * @param webhooks the receiver
   * @param publisher where events go without a topic
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  public YshAsaasWebhookEndpoint yshAsaasWebhookEndpoint(YshAsaasWebhookProperties properties, AsaasWebhooks webhooks,
      ApplicationEventPublisher publisher) {
    String path = properties.getPath();
    if (path == null || !path.startsWith("/")) {
      throw new YshConfigurationException("ysh.asaas.webhook.path", "must start with '/', was " + path, null);
    }
    return new YshAsaasWebhookEndpoint(webhooks, publisher, properties.getMaxBodyBytes(), path);
  }

  private static String tokenProperty(YshAsaasWebhookProperties p) {
    return p.getAuthToken() != null && !p.getAuthToken().isBlank() ? "ysh.asaas.webhook.auth-token" : "ysh.asaas.webhook.auth-token-secret";
  }

  private static Secret token(YshAsaasWebhookProperties p, BeanFactory beanFactory) {
    if (p.getAuthToken() != null && !p.getAuthToken().isBlank()) {
      return Secret.of(p.getAuthToken().strip());
    }
    if (!ClassUtils.isPresent("io.ysh.secrets.SecretStore", LOADER)) {
      throw new YshConfigurationException("ysh.asaas.webhook.auth-token-secret",
          "needs a secret store, but ysh-secrets-api is not on the class path", null);
    }
    return FromStore.read(p.getAuthTokenSecret().strip(), beanFactory);
  }

  /** Loaded only when the cache API is on the class path. */
  private static final class Shared {
    static WebhookEventStore store(BeanFactory beanFactory, YshAsaasWebhookProperties p) {
      Cache cache = beanFactory.getBeanProvider(Cache.class).getIfUnique();
      return cache == null ? null : new CacheWebhookEventStore(cache, p.getDedupeTtl());
    }
  }

  /** Loaded only when the queue API is on the class path. */
  private static final class Topics {
    static Topic find(BeanFactory beanFactory, String name) {
      String bean = YshQueueAutoConfiguration.topicBeanName(name);
      if (!beanFactory.containsBean(bean)) {
        throw new YshConfigurationException("ysh.asaas.webhook.topic",
            "names the topic '" + name + "' but ysh.queue.topics." + name + ".url is not set", null);
      }
      return beanFactory.getBean(bean, Topic.class);
    }
  }

  /** Loaded only when the secrets API is on the class path. */
  private static final class FromStore {
    static Secret read(String name, BeanFactory beanFactory) {
      SecretStore store = beanFactory.getBeanProvider(SecretStore.class).getIfAvailable();
      if (store == null) {
        throw new YshConfigurationException("ysh.asaas.webhook.auth-token-secret",
            "names the secret '" + name + "' but there is no SecretStore bean: set ysh.secrets.url", null);
      }
      try {
        return store.get(name).secret();
      } catch (YshException e) {
        throw new YshConfigurationException("ysh.asaas.webhook.auth-token-secret",
            "cannot read the secret '" + name + "' from the secret store: " + e.getMessage(), e);
      }
    }
  }

  /** The Spring MVC route: the body is read from the servlet stream only after the token was verified, and never past the limit. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
  static class Mvc {
    @Bean
    @ConditionalOnMissingBean(name = "yshAsaasWebhookRoute")
    org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> yshAsaasWebhookRoute(
        YshAsaasWebhookEndpoint endpoint) {
      return org.springframework.web.servlet.function.RouterFunctions.route()
          .POST(endpoint.path(), request -> {
            String token = request.headers().firstHeader(AsaasWebhooks.TOKEN_HEADER);
            AsaasWebhooks.Response r = endpoint.refuse(token);
            if (r == null) {
              byte[] body;
              try (InputStream in = request.servletRequest().getInputStream()) {
                body = in.readNBytes(endpoint.maxBodyBytes() + 1);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              r = endpoint.handle(token, body);
            }
            return org.springframework.web.servlet.function.ServerResponse.status(r.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(r.body());
          })
          .build();
    }
  }

  /** The WebFlux route: the body is joined up to the limit, then handled off the event loop (listeners and stores may block). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
  static class Flux {
    @Bean
    @ConditionalOnMissingBean(name = "yshAsaasWebhookRoute")
    org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse>
        yshAsaasWebhookRoute(YshAsaasWebhookEndpoint endpoint) {
      return org.springframework.web.reactive.function.server.RouterFunctions.route()
          .POST(endpoint.path(), request -> {
            String token = request.headers().firstHeader(AsaasWebhooks.TOKEN_HEADER);
            AsaasWebhooks.Response refused = endpoint.refuse(token);
            reactor.core.publisher.Mono<AsaasWebhooks.Response> answer;
            if (refused != null) {
              answer = reactor.core.publisher.Mono.just(refused);
            } else {
              answer = org.springframework.core.io.buffer.DataBufferUtils
                  .join(request.body(org.springframework.web.reactive.function.BodyExtractors.toDataBuffers()), endpoint.maxBodyBytes())
                  .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    return bytes;
                  })
                  .defaultIfEmpty(new byte[0])
                  .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                  .map(bytes -> endpoint.handle(token, bytes))
                  .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
                      e -> reactor.core.publisher.Mono.just(endpoint.tooLarge()));
            }
            return answer.flatMap(r -> org.springframework.web.reactive.function.server.ServerResponse.status(r.status())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(r.body()));
          })
          .build();
    }
  }

  /** Matches when the webhook's token or the name of its secret is configured. */
  static final class OnToken extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment env = context.getEnvironment();
      if (env.containsProperty("ysh.asaas.webhook.auth-token") || env.containsProperty("ysh.asaas.webhook.auth-token-secret")) {
        return ConditionOutcome.match("ysh.asaas.webhook.auth-token or auth-token-secret is set");
      }
      return ConditionOutcome.noMatch("neither ysh.asaas.webhook.auth-token nor auth-token-secret is set");
    }
  }
}
