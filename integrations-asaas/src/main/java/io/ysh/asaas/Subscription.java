package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription (recurring charge) as Asaas returns it.
 *
 * @param id the id, {@code sub_…}
 * @param dateCreated when it was created
 * @param customer the customer's id
 * @param rawBillingType the billing type as Asaas sent it
 * @param rawCycle the cycle as Asaas sent it
 * @param value the value of each payment
 * @param nextDueDate the due date of the next payment
 * @param endDate the last day, or null
 * @param maxPayments the maximum number of payments, or null
 * @param description the description
 * @param rawStatus the status as Asaas sent it
 * @param discount the discount, or null
 * @param fine the fine, or null
 * @param interest the interest, or null
 * @param deleted whether it is deleted
 * @param externalReference your reference
 * @param split the splits to other wallets with their status, or null (official schema: {@code SubscriptionGetResponseDto.split})
 */
public record Subscription(
    String id,
    LocalDate dateCreated,
    String customer,
    @JsonProperty("billingType") String rawBillingType,
    @JsonProperty("cycle") String rawCycle,
    Money value,
    LocalDate nextDueDate,
    LocalDate endDate,
    Integer maxPayments,
    String description,
    @JsonProperty("status") String rawStatus,
    Discount discount,
    Fine fine,
    Interest interest,
    boolean deleted,
    String externalReference,
    List<SubscriptionSplit> split) {

  /**
   * The status.
   *
   * @return the value, {@link SubscriptionStatus#UNKNOWN} when this SDK does not know it (see {@link #rawStatus()}), or null
   */
  public SubscriptionStatus status() {
    return SubscriptionStatus.from(rawStatus);
  }

  /**
   * The cycle.
   *
   * @return the value, {@link SubscriptionCycle#UNKNOWN} when this SDK does not know it (see {@link #rawCycle()}), or null
   */
  public SubscriptionCycle cycle() {
    return SubscriptionCycle.from(rawCycle);
  }

  /**
   * The billing type.
   *
   * @return the value, {@link BillingType#UNKNOWN} when this SDK does not know it (see {@link #rawBillingType()}), or null
   */
  public BillingType billingType() {
    return BillingType.from(rawBillingType);
  }
}
