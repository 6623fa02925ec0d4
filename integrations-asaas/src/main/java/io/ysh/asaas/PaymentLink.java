package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * A payment link as Asaas returns it.
 *
 * <p>Source: the official schema's {@code PaymentLinkGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models).
 *
 * @param id the link's id
 * @param name the name
 * @param value the value, or null when the payer chooses it
 * @param active whether it accepts payments
 * @param rawChargeType DETACHED, RECURRENT or INSTALLMENT, as Asaas sent it
 * @param url the page the payer opens
 * @param rawBillingType UNDEFINED, BOLETO, CREDIT_CARD or PIX, as Asaas sent it
 * @param rawSubscriptionCycle the cycle of a RECURRENT link, as Asaas sent it
 * @param description the description
 * @param endDate the last day it accepts payments, or null
 * @param deleted whether it is deleted
 * @param viewCount how many times it was viewed
 * @param maxInstallmentCount the most installments of an INSTALLMENT link
 * @param dueDateLimitDays business days to pay a boleto or PIX after it is generated
 * @param notificationEnabled whether customers registered through it are notified
 * @param isAddressRequired whether the payer must give an address
 * @param externalReference your reference
 */
public record PaymentLink(
    String id,
    String name,
    Money value,
    Boolean active,
    @JsonProperty("chargeType") String rawChargeType,
    String url,
    @JsonProperty("billingType") String rawBillingType,
    @JsonProperty("subscriptionCycle") String rawSubscriptionCycle,
    String description,
    LocalDate endDate,
    boolean deleted,
    Integer viewCount,
    Integer maxInstallmentCount,
    Integer dueDateLimitDays,
    Boolean notificationEnabled,
    Boolean isAddressRequired,
    String externalReference) {

  /**
   * The charge type.
   *
   * @return the value, {@link PaymentLinkChargeType#UNKNOWN} when this SDK does not know it, or null
   */
  public PaymentLinkChargeType chargeType() {
    return PaymentLinkChargeType.from(rawChargeType);
  }

  /**
   * The billing type.
   *
   * @return the value, {@link BillingType#UNKNOWN} when this SDK does not know it, or null
   */
  public BillingType billingType() {
    return BillingType.from(rawBillingType);
  }

  /**
   * The cycle of a RECURRENT link.
   *
   * @return the value, {@link SubscriptionCycle#UNKNOWN} when this SDK does not know it, or null
   */
  public SubscriptionCycle subscriptionCycle() {
    return SubscriptionCycle.from(rawSubscriptionCycle);
  }
}
