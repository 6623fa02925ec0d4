package io.ysh.spring.autoconfigure;

import io.ysh.secrets.SecretStore;
import io.ysh.secrets.SecretWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Watches the secrets of every {@code ysh-secrets:} import while the context runs (with
 * {@code ysh.secrets.import.refresh}, the default) and closes their stores with the context. A
 * rotation seen by {@link SecretStore#watch} (polled every {@code ysh.secrets.import.refresh-interval})
 * replaces the property's value and publishes a {@link YshSecretRotatedEvent}; values already
 * copied into beans do not change by themselves.
 */
public final class YshSecretsRefresher implements SmartLifecycle, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(YshSecretsRefresher.class);

  private final List<YshSecretsPropertySource> sources = new ArrayList<>();
  private final ApplicationEventPublisher publisher;
  private final List<SecretWatch> watches = new ArrayList<>();
  private volatile boolean running;

  /**
   * Creates the refresher over the environment's {@code ysh-secrets:} property sources.
   *
   * @param environment the application's environment
   * @param publisher where rotation events go
   */
  public YshSecretsRefresher(ConfigurableEnvironment environment, ApplicationEventPublisher publisher) {
    for (PropertySource<?> ps : environment.getPropertySources()) {
      if (ps instanceof YshSecretsPropertySource y) {
        sources.add(y);
      }
    }
    this.publisher = publisher;
  }

  /**
   * How many secrets are watched now.
   *
   * @return the count
   */
  public synchronized int watched() {
    return watches.size();
  }

  @Override
  public synchronized void start() {
    for (YshSecretsPropertySource source : sources) {
      if (source.store().isEmpty()) {
        continue;
      }
      SecretStore store = source.store().get();
      for (Map.Entry<String, String> e : source.secretNames().entrySet()) {
        String property = e.getKey();
        String secret = e.getValue();
        watches.add(store.watch(secret, current -> {
          source.update(property, current.secret().reveal());
          LOG.info("secret {} rotated; property {} updated", secret, property);
          publisher.publishEvent(new YshSecretRotatedEvent(this, property, secret));
        }));
      }
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    watches.forEach(SecretWatch::close);
    watches.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    stop();
    for (YshSecretsPropertySource source : sources) {
      source.store().ifPresent(SecretStore::close);
    }
  }
}
