package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.Secret;
import java.util.List;

/**
 * The fields to create or update a webhook. The auth token is a {@link Secret}: Asaas sends it
 * back in the {@code asaas-access-token} header of every event, and {@link AsaasWebhooks}
 * verifies it. It must have 32 to 255 characters.
 *
 * @param name a name for the webhook
 * @param url where Asaas posts the events
 * @param email where Asaas reports delivery problems
 * @param enabled whether it is enabled
 * @param interrupted whether the queue is paused
 * @param apiVersion the payload version (3)
 * @param authToken the shared token, or null to keep the current one on update
 * @param sendType sequential or parallel delivery
 * @param events the event names to receive, such as {@code PAYMENT_RECEIVED}
 */
public record WebhookConfigRequest(
    String name,
    String url,
    String email,
    Boolean enabled,
    Boolean interrupted,
    Integer apiVersion,
    @JsonIgnore Secret authToken,
    WebhookSendType sendType,
    List<String> events) {

  /**
   * Validates the URL and the token length.
   *
   * @param name see the record component
   * @param url see the record component
   * @param email see the record component
   * @param enabled see the record component
   * @param interrupted see the record component
   * @param apiVersion see the record component
   * @param authToken see the record component
   * @param sendType see the record component
   * @param events see the record component
   */
  public WebhookConfigRequest {
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw Validation.invalid("url", "must be an http(s) URL");
    }
    if (authToken != null) {
      int n = authToken.reveal().length();
      if (n < 32 || n > 255) {
        throw Validation.invalid("authToken", "must have 32 to 255 characters, had " + n);
      }
    }
    events = events == null ? null : List.copyOf(events);
  }

  /**
   * The token as Asaas wants it in the request body; for serialization only.
   *
   * @return the revealed token, or null
   */
  @JsonProperty("authToken")
  String authTokenForJson() {
    return authToken == null ? null : authToken.reveal();
  }

  /**
   * A webhook for payment events.
   *
   * @param name a name
   * @param url the endpoint
   * @param email where Asaas reports problems
   * @param authToken the shared token (32 to 255 characters)
   * @param events the events, such as {@code PAYMENT_RECEIVED}
   * @return the request (enabled, API v3, sequential)
   */
  public static WebhookConfigRequest of(String name, String url, String email, Secret authToken, List<String> events) {
    return new WebhookConfigRequest(name, url, email, true, false, 3, authToken, WebhookSendType.SEQUENTIALLY, events);
  }
}
