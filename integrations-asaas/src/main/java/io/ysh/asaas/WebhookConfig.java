package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A webhook configured on the account. The auth token is never returned by Asaas.
 *
 * @param id the id
 * @param name the name
 * @param url where events are posted
 * @param email where Asaas reports delivery problems
 * @param enabled whether it is enabled
 * @param interrupted whether the queue is paused after repeated failures (see removeBackoff)
 * @param apiVersion the API version of the payloads
 * @param hasAuthToken whether an auth token is configured
 * @param rawSendType SEQUENTIALLY or NON_SEQUENTIALLY as Asaas sent it
 * @param events the subscribed event names
 */
public record WebhookConfig(
    String id,
    String name,
    String url,
    String email,
    Boolean enabled,
    Boolean interrupted,
    Integer apiVersion,
    Boolean hasAuthToken,
    @JsonProperty("sendType") String rawSendType,
    List<String> events) {

  /**
   * How events are delivered.
   *
   * @return the value, {@link WebhookSendType#UNKNOWN} when this SDK does not know it (see {@link #rawSendType()}), or null
   */
  public WebhookSendType sendType() {
    return WebhookSendType.from(rawSendType);
  }
}
