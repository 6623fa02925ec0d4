package io.ysh.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;

/**
 * A solar quote-to-cash service wired only by {@code application.yml} through
 * {@code ysh-spring-boot-starter}: the quote documents in object storage ({@code ysh.storage.url}),
 * ANEEL tariffs cached in Redis ({@code ysh.cache.url}, {@code @Cacheable}), the Asaas API key,
 * the webhook's token and the S3 secret key imported from a secret store as properties
 * ({@code spring.config.import=ysh-secrets:}, {@code ysh.secrets.*}), charges on Asaas
 * ({@code ysh.asaas.*}) confirmed by Asaas's webhook ({@code ysh.asaas.webhook.*},
 * {@link PaymentListener}), order events on a queue ({@code ysh.queue.*}) consumed by an
 * {@code @YshListener}. No {@code @Bean}
 * method creates an SDK object: the starter does.
 *
 * <p>The starter masks the imported secrets in {@code /actuator/env}, but a URL property that
 * embeds one through a placeholder ({@code ysh.storage.url} holds {@code sample.s3.secret-key},
 * the queue URLs the RabbitMQ password) is shown resolved when values are shown:
 * {@link #credentialsMasked()} masks such properties too.
 */
@SpringBootApplication
@EnableCaching
public class SampleApplication {

  /** Created by Spring. */
  public SampleApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, such as {@code --ysh.storage.url=...}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
