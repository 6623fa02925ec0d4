package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of a customer's notification settings, as Asaas returns it. Asaas creates them with the
 * customer; they can be changed, not created or deleted.
 *
 * <p>Source: the official schema's {@code NotificationGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models) and docs.asaas.com "Notificações padrão".
 *
 * @param id the notification's id ({@code not_…})
 * @param customer the customer's id
 * @param enabled whether it is sent at all
 * @param emailEnabledForProvider whether you get an e-mail
 * @param smsEnabledForProvider whether you get an SMS
 * @param emailEnabledForCustomer whether the customer gets an e-mail
 * @param smsEnabledForCustomer whether the customer gets an SMS
 * @param phoneCallEnabledForCustomer whether the customer gets a voice call
 * @param whatsappEnabledForCustomer whether the customer gets a WhatsApp message
 * @param rawEvent the event as Asaas sent it
 * @param scheduleOffset days before (due date warning) or after (overdue) the due date
 * @param deleted whether it is deleted
 */
public record Notification(
    String id,
    String customer,
    Boolean enabled,
    Boolean emailEnabledForProvider,
    Boolean smsEnabledForProvider,
    Boolean emailEnabledForCustomer,
    Boolean smsEnabledForCustomer,
    Boolean phoneCallEnabledForCustomer,
    Boolean whatsappEnabledForCustomer,
    @JsonProperty("event") String rawEvent,
    Integer scheduleOffset,
    Boolean deleted) {

  /**
   * The event.
   *
   * @return the value, {@link NotificationEvent#UNKNOWN} when this SDK does not know it, or null
   */
  public NotificationEvent event() {
    return NotificationEvent.from(rawEvent);
  }
}
