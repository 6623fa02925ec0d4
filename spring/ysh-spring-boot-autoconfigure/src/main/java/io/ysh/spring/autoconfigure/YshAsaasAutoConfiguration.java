package io.ysh.spring.autoconfigure;

import io.ysh.asaas.AsaasClient;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.secrets.SecretStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * An {@link AsaasClient} from {@code ysh.asaas.*}, when {@code ysh.asaas.api-key} or
 * {@code ysh.asaas.api-key-secret} is set and the application has no client of its own. With
 * {@code api-key-secret} the key is read from the {@link SecretStore} bean at start-up; a missing
 * secret or store fails the start-up naming the property (never the key).
 */
@AutoConfiguration(after = {YshTelemetryAutoConfiguration.class, YshSecretsAutoConfiguration.class})
@ConditionalOnClass(AsaasClient.class)
@Conditional(YshAsaasAutoConfiguration.OnApiKey.class)
@EnableConfigurationProperties(YshAsaasProperties.class)
public class YshAsaasAutoConfiguration {

  /** Creates the configuration. */
  public YshAsaasAutoConfiguration() {}

  /**
   * The Asaas client.
   *
   * @param properties {@code ysh.asaas.*}
   * @param telemetry the SDK telemetry, when there is one
   * @param beanFactory where the secret store is looked up
   * @return the client
   * @throws YshConfigurationException when the key cannot be had or a property is invalid
   */
  @Bean
  @ConditionalOnMissingBean
  public AsaasClient asaasClient(YshAsaasProperties properties, ObjectProvider<Telemetry> telemetry, BeanFactory beanFactory) {
    Secret key = apiKey(properties, beanFactory);
    AsaasClient.Builder b = AsaasClient.builder().apiKey(key).telemetry(telemetry.getIfAvailable(Telemetry::defaults));
    String property = "ysh.asaas";
    try {
      if (properties.getEnvironment() != null) {
        property = "ysh.asaas.environment";
        b.environment(properties.getEnvironment());
      }
      if (properties.getBaseUrl() != null && !properties.getBaseUrl().isBlank()) {
        property = "ysh.asaas.base-url";
        b.baseUrl(properties.getBaseUrl().strip());
      }
      if (properties.getConnectTimeout() != null) {
        property = "ysh.asaas.connect-timeout";
        b.connectTimeout(properties.getConnectTimeout());
      }
      if (properties.getReadTimeout() != null) {
        property = "ysh.asaas.read-timeout";
        b.readTimeout(properties.getReadTimeout());
      }
      if (properties.getCreateTimeout() != null) {
        property = "ysh.asaas.create-timeout";
        b.createTimeout(properties.getCreateTimeout());
      }
      if (properties.getUserAgentSuffix() != null) {
        property = "ysh.asaas.user-agent-suffix";
        b.userAgentSuffix(properties.getUserAgentSuffix());
      }
      property = "ysh.asaas";
      return b.build();
    } catch (YshException | IllegalArgumentException e) {
      throw new YshConfigurationException(property, e.getMessage(), e);
    }
  }

  private static Secret apiKey(YshAsaasProperties p, BeanFactory beanFactory) {
    if (p.getApiKey() != null && !p.getApiKey().isBlank()) {
      return Secret.of(p.getApiKey().strip());
    }
    String name = p.getApiKeySecret();
    if (!ClassUtils.isPresent("io.ysh.secrets.SecretStore", YshAsaasAutoConfiguration.class.getClassLoader())) {
      throw new YshConfigurationException("ysh.asaas.api-key-secret",
          "needs a secret store, but ysh-secrets-api is not on the class path", null);
    }
    return FromStore.read(name, beanFactory);
  }

  /** Loaded only when the secrets API is on the class path. */
  private static final class FromStore {
    static Secret read(String name, BeanFactory beanFactory) {
      SecretStore store = beanFactory.getBeanProvider(SecretStore.class).getIfAvailable();
      if (store == null) {
        throw new YshConfigurationException("ysh.asaas.api-key-secret",
            "names the secret '" + name + "' but there is no SecretStore bean: set ysh.secrets.url", null);
      }
      try {
        return store.get(name).secret();
      } catch (YshException e) {
        throw new YshConfigurationException("ysh.asaas.api-key-secret",
            "cannot read the secret '" + name + "' from the secret store: " + e.getMessage(), e);
      }
    }
  }

  /** Matches when an API key or the name of its secret is configured. */
  static final class OnApiKey extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment env = context.getEnvironment();
      if (env.containsProperty("ysh.asaas.api-key") || env.containsProperty("ysh.asaas.api-key-secret")) {
        return ConditionOutcome.match("ysh.asaas.api-key or ysh.asaas.api-key-secret is set");
      }
      return ConditionOutcome.noMatch("neither ysh.asaas.api-key nor ysh.asaas.api-key-secret is set");
    }
  }
}
