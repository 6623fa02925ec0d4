package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * The fields to create or update a payment link, named exactly as Asaas's schema names them.
 *
 * <p>Source: the official schema's {@code PaymentLinkSaveRequestDto} and
 * {@code PaymentLinkUpdateRequestDto} (asaasdev/asaas-api-sdk-java, documentation/models) and
 * docs.asaas.com "Links de pagamento". Checked by {@link Builder#build()}: value greater than
 * zero, {@code subscriptionCycle} with RECURRENT only (and required there),
 * {@code maxInstallmentCount} (at least 1) with INSTALLMENT only, {@code dueDateLimitDays} not
 * negative; the end date must not be in the past (checked when sent). {@code callback} is not
 * offered.
 *
 * @param name the name (required to create)
 * @param billingType UNDEFINED, BOLETO, CREDIT_CARD or PIX (required to create)
 * @param chargeType DETACHED, RECURRENT or INSTALLMENT (required to create)
 * @param description a description
 * @param endDate the last day it accepts payments, today or later
 * @param value the value, greater than zero; null lets the payer choose
 * @param dueDateLimitDays business days to pay a boleto or PIX after it is generated
 * @param subscriptionCycle the cycle (RECURRENT only, and required there)
 * @param maxInstallmentCount the most installments (INSTALLMENT only)
 * @param externalReference your reference; generated on create when absent, and used to find the link after an ambiguous failure
 * @param notificationEnabled whether customers registered through it are notified
 * @param isAddressRequired whether the payer must give an address (create only)
 * @param active whether it accepts payments (update only)
 */
public record PaymentLinkRequest(
    String name,
    BillingType billingType,
    PaymentLinkChargeType chargeType,
    String description,
    LocalDate endDate,
    Money value,
    Integer dueDateLimitDays,
    SubscriptionCycle subscriptionCycle,
    Integer maxInstallmentCount,
    String externalReference,
    Boolean notificationEnabled,
    Boolean isAddressRequired,
    Boolean active) {

  PaymentLinkRequest withExternalReference(String reference) {
    return toBuilder().externalReference(reference).build();
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this request's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.billingType = billingType;
    b.chargeType = chargeType;
    b.description = description;
    b.endDate = endDate;
    b.value = value;
    b.dueDateLimitDays = dueDateLimitDays;
    b.subscriptionCycle = subscriptionCycle;
    b.maxInstallmentCount = maxInstallmentCount;
    b.externalReference = externalReference;
    b.notificationEnabled = notificationEnabled;
    b.isAddressRequired = isAddressRequired;
    b.active = active;
    return b;
  }

  /** Builds {@link PaymentLinkRequest} values. Not thread-safe. */
  public static final class Builder {
    private String name;
    private BillingType billingType;
    private PaymentLinkChargeType chargeType;
    private String description;
    private LocalDate endDate;
    private Money value;
    private Integer dueDateLimitDays;
    private SubscriptionCycle subscriptionCycle;
    private Integer maxInstallmentCount;
    private String externalReference;
    private Boolean notificationEnabled;
    private Boolean isAddressRequired;
    private Boolean active;

    private Builder() {}

    /**
     * Sets name.
     *
     * @param v the name (required to create)
     * @return this builder
     */
    public Builder name(String v) {
      this.name = v;
      return this;
    }

    /**
     * Sets billingType.
     *
     * @param v UNDEFINED, BOLETO, CREDIT_CARD or PIX (required to create)
     * @return this builder
     */
    public Builder billingType(BillingType v) {
      this.billingType = v;
      return this;
    }

    /**
     * Sets chargeType.
     *
     * @param v DETACHED, RECURRENT or INSTALLMENT (required to create)
     * @return this builder
     */
    public Builder chargeType(PaymentLinkChargeType v) {
      this.chargeType = v;
      return this;
    }

    /**
     * Sets description.
     *
     * @param v a description
     * @return this builder
     */
    public Builder description(String v) {
      this.description = v;
      return this;
    }

    /**
     * Sets endDate.
     *
     * @param v the last day it accepts payments, today or later
     * @return this builder
     */
    public Builder endDate(LocalDate v) {
      this.endDate = v;
      return this;
    }

    /**
     * Sets value.
     *
     * @param v the value, greater than zero; null lets the payer choose
     * @return this builder
     */
    public Builder value(Money v) {
      this.value = v;
      return this;
    }

    /**
     * Sets dueDateLimitDays.
     *
     * @param v business days to pay a boleto or PIX after it is generated
     * @return this builder
     */
    public Builder dueDateLimitDays(Integer v) {
      this.dueDateLimitDays = v;
      return this;
    }

    /**
     * Sets subscriptionCycle.
     *
     * @param v the cycle (RECURRENT only, and required there)
     * @return this builder
     */
    public Builder subscriptionCycle(SubscriptionCycle v) {
      this.subscriptionCycle = v;
      return this;
    }

    /**
     * Sets maxInstallmentCount.
     *
     * @param v the most installments (INSTALLMENT only)
     * @return this builder
     */
    public Builder maxInstallmentCount(Integer v) {
      this.maxInstallmentCount = v;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param v your reference; generated on create when absent, and used to find the link after an ambiguous failure
     * @return this builder
     */
    public Builder externalReference(String v) {
      this.externalReference = v;
      return this;
    }

    /**
     * Sets notificationEnabled.
     *
     * @param v whether customers registered through it are notified
     * @return this builder
     */
    public Builder notificationEnabled(Boolean v) {
      this.notificationEnabled = v;
      return this;
    }

    /**
     * Sets isAddressRequired.
     *
     * @param v whether the payer must give an address (create only)
     * @return this builder
     */
    public Builder isAddressRequired(Boolean v) {
      this.isAddressRequired = v;
      return this;
    }

    /**
     * Sets active.
     *
     * @param v whether it accepts payments (update only)
     * @return this builder
     */
    public Builder active(Boolean v) {
      this.active = v;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public PaymentLinkRequest build() {
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero, was " + value);
      }
      if (billingType == BillingType.UNKNOWN || (billingType != null && billingType != BillingType.UNDEFINED
          && billingType != BillingType.BOLETO && billingType != BillingType.CREDIT_CARD && billingType != BillingType.PIX)) {
        throw Validation.invalid("billingType", "must be UNDEFINED, BOLETO, CREDIT_CARD or PIX");
      }
      if (chargeType == PaymentLinkChargeType.UNKNOWN) {
        throw Validation.invalid("chargeType", "must be DETACHED, RECURRENT or INSTALLMENT");
      }
      if (subscriptionCycle == SubscriptionCycle.UNKNOWN) {
        throw Validation.invalid("subscriptionCycle", "UNKNOWN is not a cycle Asaas knows");
      }
      if (chargeType == PaymentLinkChargeType.RECURRENT && subscriptionCycle == null) {
        throw Validation.invalid("subscriptionCycle", "is required for a RECURRENT link");
      }
      if (chargeType != null && chargeType != PaymentLinkChargeType.RECURRENT && subscriptionCycle != null) {
        throw Validation.invalid("subscriptionCycle", "is for RECURRENT links only");
      }
      if (maxInstallmentCount != null && maxInstallmentCount < 1) {
        throw Validation.invalid("maxInstallmentCount", "must be at least 1");
      }
      if (chargeType != null && chargeType != PaymentLinkChargeType.INSTALLMENT && maxInstallmentCount != null) {
        throw Validation.invalid("maxInstallmentCount", "is for INSTALLMENT links only");
      }
      if (dueDateLimitDays != null && dueDateLimitDays < 0) {
        throw Validation.invalid("dueDateLimitDays", "must not be negative");
      }
      return new PaymentLinkRequest(name, billingType, chargeType, description, endDate, value, dueDateLimitDays, subscriptionCycle, maxInstallmentCount, externalReference, notificationEnabled, isAddressRequired, active);
    }
  }
}
