package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.math.BigDecimal;

/**
 * A subscription's split as Asaas returns it ({@link Subscription#split()}).
 *
 * <p>Source: the official schema's {@code SubscriptionSplitResponseDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models): status ACTIVE or DISABLED, and
 * {@code disabledReason} WALLET_UNABLE_TO_RECEIVE or VALUE_DIVERGENCE.
 *
 * @param walletId the receiving wallet
 * @param fixedValue the fixed amount, or null
 * @param percentualValue the percentage of the net value, or null
 * @param externalReference your reference, or null
 * @param description the description, or null
 * @param rawStatus the status as Asaas sent it (ACTIVE, DISABLED)
 * @param rawDisabledReason why it was disabled, as Asaas sent it, or null
 */
public record SubscriptionSplit(
    String walletId,
    Money fixedValue,
    BigDecimal percentualValue,
    String externalReference,
    String description,
    @JsonProperty("status") String rawStatus,
    @JsonProperty("disabledReason") String rawDisabledReason) {

  /**
   * Whether the split is active (status ACTIVE).
   *
   * @return true when Asaas says ACTIVE
   */
  public boolean active() {
    return "ACTIVE".equals(rawStatus);
  }
}
