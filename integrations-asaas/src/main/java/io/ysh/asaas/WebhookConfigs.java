package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;

/**
 * The account's webhook configuration ({@code /webhooks}). Obtain from
 * {@link AsaasClient#webhooks()}. To receive events, see {@link AsaasWebhooks}. Thread-safe.
 */
public final class WebhookConfigs {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType deleted;

  WebhookConfigs(AsaasTransport t) {
    this.t = t;
    this.one = t.type(WebhookConfig.class);
    this.page = t.pageOf(WebhookConfig.class);
    this.deleted = t.type(DeletedResource.class);
  }

  /**
   * Lists the configured webhooks.
   *
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<WebhookConfig> list(int offset, int limit) {
    return t.get("webhooks.list", "/webhooks", References.paging(Map.of(), offset, limit), page);
  }

  /**
   * Gets one webhook.
   *
   * @param id the id
   * @return the webhook
   */
  public WebhookConfig get(String id) {
    return t.get("webhooks.get", "/webhooks/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Creates a webhook. Not retried after an ambiguous failure: list the webhooks to check.
   *
   * @param request url, email, events and an auth token are expected
   * @return the webhook
   */
  public WebhookConfig create(WebhookConfigRequest request) {
    Validation.required("request", request);
    Validation.required("url", request.url());
    return t.send("webhooks.create", "POST", "/webhooks", request, one, false);
  }

  /**
   * Updates a webhook (PUT).
   *
   * @param id the id
   * @param request the fields to change; {@code email} and {@code apiVersion} cannot be updated
   *     (Asaas's update does not define them: INVALID_ARGUMENT)
   * @return the webhook
   */
  public WebhookConfig update(String id, WebhookConfigRequest request) {
    Validation.required("request", request);
    if (request.email() != null) {
      throw Validation.invalid("email", "cannot be changed by an update (Asaas's webhook update does not define it)");
    }
    if (request.apiVersion() != null) {
      throw Validation.invalid("apiVersion", "cannot be changed by an update (Asaas's webhook update does not define it)");
    }
    return t.send("webhooks.update", "PUT", "/webhooks/" + Validation.id("id", id), request, one, true);
  }

  /**
   * Deletes a webhook.
   *
   * @param id the id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("webhooks.delete", "DELETE", "/webhooks/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Resumes a queue Asaas paused after 15 consecutive delivery failures. Reconcile afterwards:
   * events older than 14 days were dropped (see the module README).
   *
   * @param id the id
   * @return the webhook, no longer interrupted
   */
  public WebhookConfig removeBackoff(String id) {
    return t.send("webhooks.removeBackoff", "POST", "/webhooks/" + Validation.id("id", id) + "/removeBackoff", null, one, true);
  }
}
