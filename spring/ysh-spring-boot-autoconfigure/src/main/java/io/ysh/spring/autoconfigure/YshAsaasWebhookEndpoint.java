package io.ysh.spring.autoconfigure;

import io.ysh.asaas.AsaasWebhooks;
import io.ysh.asaas.WebhookAuthenticationException;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What the Asaas webhook route does with one delivery, for both web stacks: the token is verified
 * before the body is read (401), the body is bounded (413), then {@link AsaasWebhooks} parses,
 * dedupes and hands the event off, and the route answers what it says: 200 once the event was
 * handed off (or was a duplicate), 500 when a listener threw, 503 when the topic refused it; the
 * event is then forgotten, so Asaas's redelivery is processed.
 *
 * <p>Hand-off is either to the Spring listeners ({@code @EventListener PaymentEvent} and the
 * like), called synchronously on the request thread before 200 is answered, or, with
 * {@code ysh.asaas.webhook.topic}, to the configured topic. An application that made its event
 * multicaster asynchronous acknowledges events before they are processed: use the topic for that.
 */
public final class YshAsaasWebhookEndpoint {

  private final AsaasWebhooks webhooks;
  private final ApplicationEventPublisher publisher;
  /** Whether the receiver publishes to a topic; unknown (null) until the first delivery asks it. */
  private volatile Boolean toTopic;
  private final int maxBodyBytes;
  private final String path;

  /**
   * Creates the endpoint.
   *
   * @param webhooks the receiver
   * @param publisher where events go, unless the receiver was built with a topic
   * @param maxBodyBytes the body limit
   * @param path the path Asaas posts to
   */
  public YshAsaasWebhookEndpoint(AsaasWebhooks webhooks, ApplicationEventPublisher publisher, int maxBodyBytes,
      String path) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.maxBodyBytes = maxBodyBytes;
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * The path Asaas posts to.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The body limit.
   *
   * @return bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Checks the token header, before any body is read.
   *
   * @param token the {@code asaas-access-token} header, or null
   * @return the answer to give at once (401), or {@code null} when the token is right
   */
  public AsaasWebhooks.Response refuse(String token) {
    try {
      webhooks.verify(token);
      return null;
    } catch (WebhookAuthenticationException e) {
      return new AsaasWebhooks.Response(401, "{\"error\":\"unauthorized\"}");
    }
  }

  /**
   * The answer to a body over the limit.
   *
   * @return 413
   */
  public AsaasWebhooks.Response tooLarge() {
    return new AsaasWebhooks.Response(413, "{\"error\":\"body too large\"}");
  }

  /**
   * Handles one verified, bounded delivery.
   *
   * @param token the {@code asaas-access-token} header
   * @param body the body's bytes, at most {@link #maxBodyBytes()}
   * @return what to answer
   */
  public AsaasWebhooks.Response handle(String token, byte[] body) {
    if (body.length > maxBodyBytes) {
      return tooLarge();
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (!Boolean.TRUE.equals(toTopic)) {
      try {
        AsaasWebhooks.Response r = webhooks.handle(token, text, publisher::publishEvent);
        toTopic = false;
        return r;
      } catch (YshException e) {
        // a receiver built with a topic refuses a processor before doing anything else
        if (e.code() != ErrorCode.UNSUPPORTED || toTopic != null) {
          throw e;
        }
        toTopic = true;
      }
    }
    return webhooks.handle(token, text);
  }

  @Override
  public String toString() {
    return "YshAsaasWebhookEndpoint[" + path + ", " + webhooks + "]";
  }
}
