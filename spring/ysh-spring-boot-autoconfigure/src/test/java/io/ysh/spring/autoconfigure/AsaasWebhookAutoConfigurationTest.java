package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.asaas.AsaasWebhooks;
import io.ysh.asaas.CacheWebhookEventStore;
import io.ysh.asaas.PaymentEvent;
import io.ysh.asaas.PaymentEventType;
import io.ysh.asaas.WebhookEvent;
import io.ysh.asaas.WebhookEventStore;
import io.ysh.core.Secret;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The Asaas webhook endpoint on Spring MVC (MockMvc over the route) and WebFlux (WebTestClient
 * over the route): verification, bounds, de-duplication, hand-off to listeners or a topic, and
 * what is answered when the hand-off fails.
 */
class AsaasWebhookAutoConfigurationTest {

  static final String TOKEN = "whk-token-0123456789abcdefghijklmnop";

  private static final AutoConfigurations CONFIGS = AutoConfigurations.of(
      YshTelemetryAutoConfiguration.class, YshCacheAutoConfiguration.class, YshSecretsAutoConfiguration.class,
      YshQueueAutoConfiguration.class, YshAsaasWebhookAutoConfiguration.class);

  private final WebApplicationContextRunner mvc = new WebApplicationContextRunner()
      .withConfiguration(CONFIGS).withUserConfiguration(Listener.class);

  private final ReactiveWebApplicationContextRunner flux = new ReactiveWebApplicationContextRunner()
      .withConfiguration(CONFIGS).withUserConfiguration(Listener.class);

  /** Records events; throws while {@link #fail} is set. */
  @Configuration(proxyBeanMethods = false)
  static class Listener {
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    final AtomicBoolean fail = new AtomicBoolean();

    @EventListener
    void on(PaymentEvent e) {
      if (fail.get()) {
        throw new IllegalStateException("listener down");
      }
      events.add(e);
    }
  }

  static String payload() {
    JsonNode payment = new ObjectMapper().createObjectNode()
        .put("object", "payment").put("id", "pay_123").put("customer", "cus_1").put("value", 100.0)
        .put("netValue", 99.0).put("billingType", "PIX").put("status", "RECEIVED").put("dueDate", "2026-12-07");
    return AsaasWebhooks.testPayload(PaymentEventType.PAYMENT_RECEIVED, payment);
  }

  static org.springframework.test.web.servlet.ResultMatcher body(String expected) {
    return r -> assertThat(r.getResponse().getContentAsString()).isEqualTo(expected);
  }

  @SuppressWarnings("unchecked")
  static MockMvc mockMvc(ApplicationContext ctx) {
    return MockMvcBuilders.routerFunctions(ctx.getBean("yshAsaasWebhookRoute",
        org.springframework.web.servlet.function.RouterFunction.class)).build();
  }

  @SuppressWarnings("unchecked")
  static WebTestClient client(ApplicationContext ctx) {
    return WebTestClient.bindToRouterFunction(ctx.getBean("yshAsaasWebhookRoute",
        org.springframework.web.reactive.function.server.RouterFunction.class)).build();
  }

  @Test
  void mvcHandsAVerifiedEventToTheListenersAndAnswers200() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).run(ctx -> {
      MockMvc m = mockMvc(ctx);
      String body = payload();
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isOk()).andExpect(body("{\"received\":true}"));
      Listener l = ctx.getBean(Listener.class);
      assertThat(l.events).singleElement().isInstanceOfSatisfying(PaymentEvent.class,
          p -> assertThat(p.type()).isEqualTo(PaymentEventType.PAYMENT_RECEIVED));
      assertThat(ctx.getBean(WebhookEventStore.class)).isNotInstanceOf(CacheWebhookEventStore.class);
    });
  }

  @Test
  void mvcRefusesABadOrMissingTokenWith401AndHandsNothingOff() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).run(ctx -> {
      MockMvc m = mockMvc(ctx);
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN + "x").content(payload()))
          .andExpect(status().isUnauthorized());
      m.perform(post("/asaas/webhook").content(payload())).andExpect(status().isUnauthorized());
      assertThat(ctx.getBean(Listener.class).events).isEmpty();
    });
  }

  @Test
  void mvcAnswersADuplicate200WithoutHandingItOffAgain() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).run(ctx -> {
      MockMvc m = mockMvc(ctx);
      String body = payload();
      for (int i = 0; i < 3; i++) {
        m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body)).andExpect(status().isOk());
      }
      assertThat(ctx.getBean(Listener.class).events).hasSize(1);
    });
  }

  @Test
  void mvcDoesNotAcknowledgeAnEventWhoseListenerThrewAndProcessesTheRedelivery() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).run(ctx -> {
      MockMvc m = mockMvc(ctx);
      Listener l = ctx.getBean(Listener.class);
      String body = payload();
      l.fail.set(true);
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body))
          .andExpect(status().isInternalServerError());
      l.fail.set(false);
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body))
          .andExpect(status().isOk()).andExpect(body("{\"received\":true}"));
      assertThat(l.events).hasSize(1);
    });
  }

  @Test
  void mvcBoundsTheBodyAndRefusesGarbage() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.max-body-bytes=1024",
        "ysh.asaas.webhook.path=/hooks/asaas").run(ctx -> {
          MockMvc m = mockMvc(ctx);
          m.perform(post("/hooks/asaas").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content("x".repeat(1025)))
              .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(413));
          m.perform(post("/hooks/asaas").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content("{\"not\":\"an event\"}"))
              .andExpect(status().isBadRequest());
          m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(payload()))
              .andExpect(status().isNotFound());
          assertThat(ctx.getBean(Listener.class).events).isEmpty();
        });
  }

  @Test
  void aCacheBeanMakesTheDeduplicationShared() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.cache.url=mem://?namespace=webhook-dedupe")
        .run(ctx -> {
          assertThat(ctx.getBean(WebhookEventStore.class)).isInstanceOf(CacheWebhookEventStore.class);
          MockMvc m = mockMvc(ctx);
          String body = payload();
          m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body)).andExpect(status().isOk());
          m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body))
              .andExpect(body("{\"received\":true,\"duplicate\":true}"));
          assertThat(ctx.getBean(Listener.class).events).hasSize(1);
        });
  }

  @Test
  void withATopicEachEventIsPublishedThereInsteadOfToTheListeners() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.topic=asaas",
        "ysh.queue.topics.asaas.url=mem://spring-webhook-events", "ysh.queue.subscriptions.asaas.url=mem://spring-webhook-events")
        .run(ctx -> {
          String body = payload();
          mockMvc(ctx).perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body))
              .andExpect(status().isOk());
          List<ReceivedMessage> got = ctx.getBean("asaasSubscription", Subscription.class).receive(1, Duration.ofSeconds(5));
          assertThat(got).singleElement().satisfies(msg -> {
            assertThat(msg.bodyAsString()).isEqualTo(body);
            assertThat(msg.attributes()).containsEntry(AsaasWebhooks.EVENT_ATTRIBUTE, "PAYMENT_RECEIVED");
            msg.ack();
          });
          assertThat(ctx.getBean(Listener.class).events).isEmpty();
        });
  }

  @Test
  void aTopicThatRefusesTheEventIsAnswered503() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.topic=asaas",
        "ysh.queue.topics.asaas.url=mem://spring-webhook-closed")
        .run(ctx -> {
          ctx.getBean("asaasTopic", io.ysh.queue.Topic.class).close();
          mockMvc(ctx).perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(payload()))
              .andExpect(status().isServiceUnavailable());
        });
  }

  @Test
  void webFluxHandlesVerifiesDedupesAndDoesNotAcknowledgeAFailedHandOff() {
    flux.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.max-body-bytes=2048").run(ctx -> {
      WebTestClient c = client(ctx);
      Listener l = ctx.getBean(Listener.class);
      String body = payload();
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, "wrong").bodyValue(body).exchange()
          .expectStatus().isUnauthorized();
      c.post().uri("/asaas/webhook").bodyValue(body).exchange().expectStatus().isUnauthorized();
      l.fail.set(true);
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).bodyValue(body).exchange()
          .expectStatus().isEqualTo(500);
      l.fail.set(false);
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).bodyValue(body).exchange()
          .expectStatus().isOk().expectBody(String.class).isEqualTo("{\"received\":true}");
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).bodyValue(body).exchange()
          .expectStatus().isOk().expectBody(String.class).isEqualTo("{\"received\":true,\"duplicate\":true}");
      assertThat(l.events).hasSize(1);
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).bodyValue("y".repeat(4096)).exchange()
          .expectStatus().isEqualTo(413);
      c.post().uri("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).exchange()
          .expectStatus().isBadRequest();
      assertThat(ctx).doesNotHaveBean(org.springframework.web.servlet.function.RouterFunction.class);
    });
  }

  @Test
  void theTokenCanComeFromTheSecretStore(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("asaas-webhook-token"), TOKEN);
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token-secret=asaas-webhook-token", "ysh.secrets.url=" + dir.toUri())
        .run(ctx -> mockMvc(ctx).perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(payload()))
            .andExpect(status().isOk()));
  }

  @Test
  void absentWithoutATokenWithoutTheAsaasModuleAndWithoutAWebApplicationNoRoute() {
    mvc.run(ctx -> assertThat(ctx).doesNotHaveBean(AsaasWebhooks.class).doesNotHaveBean("yshAsaasWebhookRoute"));
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).withClassLoader(new FilteredClassLoader(AsaasWebhooks.class))
        .run(ctx -> assertThat(ctx).doesNotHaveBean("yshAsaasWebhookRoute").doesNotHaveBean(YshAsaasWebhookEndpoint.class));
    new ApplicationContextRunner().withConfiguration(CONFIGS).withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN)
        .run(ctx -> assertThat(ctx).hasSingleBean(AsaasWebhooks.class).hasSingleBean(YshAsaasWebhookEndpoint.class)
            .doesNotHaveBean("yshAsaasWebhookRoute"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Own {
    final List<String> marked = new CopyOnWriteArrayList<>();

    @Bean
    WebhookEventStore myStore() {
      return new WebhookEventStore() {
        @Override
        public boolean markIfNew(String eventId) {
          marked.add(eventId);
          return true;
        }

        @Override
        public void forget(String eventId) {}
      };
    }
  }

  @Test
  void theApplicationsOwnStoreAndReceiverWin() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).withUserConfiguration(Own.class).run(ctx -> {
      MockMvc m = mockMvc(ctx);
      String body = payload();
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body)).andExpect(status().isOk());
      m.perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, TOKEN).content(body)).andExpect(status().isOk());
      assertThat(ctx.getBean(Own.class).marked).hasSize(2);
      assertThat(ctx.getBean(Listener.class).events).hasSize(2);
    });
    String other = "another-token-0123456789abcdefghijklm";
    AsaasWebhooks mine = AsaasWebhooks.builder().authToken(Secret.of(other)).build();
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN).withBean(AsaasWebhooks.class, () -> mine).run(ctx -> {
      assertThat(ctx.getBean(AsaasWebhooks.class)).isSameAs(mine);
      mockMvc(ctx).perform(post("/asaas/webhook").header(AsaasWebhooks.TOKEN_HEADER, other).content(payload()))
          .andExpect(status().isOk());
    });
  }

  private static YshConfigurationException failure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof YshConfigurationException y) {
        return y;
      }
    }
    throw new AssertionError("no YshConfigurationException in the chain", t);
  }

  @Test
  void badPropertiesFailNamingThePropertyNeverTheToken() {
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=short-secret-token").run(ctx -> {
      assertThat(ctx).hasFailed();
      YshConfigurationException y = failure(ctx.getStartupFailure());
      assertThat(y.property()).isEqualTo("ysh.asaas.webhook.auth-token");
      assertThat(y.getMessage()).doesNotContain("short-secret-token");
    });
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.topic=nope")
        .run(ctx -> assertThat(failure(ctx.getStartupFailure()).property()).isEqualTo("ysh.asaas.webhook.topic"));
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token-secret=absent")
        .run(ctx -> assertThat(failure(ctx.getStartupFailure()).property()).isEqualTo("ysh.asaas.webhook.auth-token-secret"));
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.max-body-bytes=10")
        .run(ctx -> assertThat(failure(ctx.getStartupFailure()).property()).isEqualTo("ysh.asaas.webhook.max-body-bytes"));
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.path=asaas")
        .run(ctx -> assertThat(failure(ctx.getStartupFailure()).property()).isEqualTo("ysh.asaas.webhook.path"));
    mvc.withPropertyValues("ysh.asaas.webhook.auth-token=" + TOKEN, "ysh.asaas.webhook.dedupe-ttl=0s")
        .run(ctx -> assertThat(failure(ctx.getStartupFailure()).property()).isEqualTo("ysh.asaas.webhook.dedupe-ttl"));
  }
}
