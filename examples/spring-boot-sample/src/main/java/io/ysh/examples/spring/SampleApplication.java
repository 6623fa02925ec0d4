package io.ysh.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A solar quote-to-cash service wired only by {@code application.yml} through
 * {@code ysh-spring-boot-starter}: the quote documents in object storage ({@code ysh.storage.url}),
 * ANEEL tariffs cached in Redis ({@code ysh.cache.url}, {@code @Cacheable}), the Asaas API key
 * from a secret store ({@code ysh.secrets.url}), charges on Asaas ({@code ysh.asaas.*}), order
 * events on a queue ({@code ysh.queue.*}) consumed by an {@code @YshListener}. No {@code @Bean}
 * method creates an SDK object: the starter does.
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
