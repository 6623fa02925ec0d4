package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields to create or update a subscription. Create needs customer, billingType, value, nextDueDate and cycle.
 *
 * @param customer the customer's id (required to create)
 * @param billingType how each payment is paid (required to create)
 * @param value the value of each payment, greater than zero (required to create)
 * @param nextDueDate the first due date (required to create)
 * @param cycle the cycle (required to create)
 * @param description the description
 * @param endDate the last day, or null
 * @param maxPayments the maximum number of payments, or null
 * @param externalReference your reference; generated on create when absent
 * @param discount an early-payment discount
 * @param interest monthly interest after the due date
 * @param fine a fine after the due date
 * @param split shares for other wallets
 * @param creditCard raw card data (CREDIT_CARD only)
 * @param creditCardHolderInfo the holder's data (with raw card data)
 * @param creditCardToken a card token
 * @param remoteIp the payer's IP (required with card data)
 * @param status ACTIVE or INACTIVE (update only: resume or pause)
 * @param updatePendingPayments update only: apply value and billing type changes to pending payments too
 */
public record SubscriptionRequest(
    String customer,
    BillingType billingType,
    Money value,
    LocalDate nextDueDate,
    SubscriptionCycle cycle,
    String description,
    LocalDate endDate,
    Integer maxPayments,
    String externalReference,
    Discount discount,
    Interest interest,
    Fine fine,
    List<Split> split,
    CreditCard creditCard,
    CreditCardHolderInfo creditCardHolderInfo,
    String creditCardToken,
    String remoteIp,
    SubscriptionStatus status,
    Boolean updatePendingPayments) {

  boolean usesCard() {
    return creditCard != null || creditCardToken != null;
  }

  /** This request without card data, card token and the payer's IP. */
  SubscriptionRequest redacted() {
    return new SubscriptionRequest(customer, billingType, value, nextDueDate, cycle, description, endDate, maxPayments, externalReference,
        discount, interest, fine, split, null, null, null, null, status, updatePendingPayments);
  }

  /** Rejects the update-only fields in a create. */
  void checkCreatable() {
    if (status != null) {
      throw Validation.invalid("status", "belongs to updates (pause or resume), not to a create");
    }
    if (updatePendingPayments != null) {
      throw Validation.invalid("updatePendingPayments", "belongs to updates, not to a create");
    }
  }

  /** Rejects the fields Asaas's update ({@code PUT /subscriptions/{id}}) does not define. */
  void checkUpdatable() {
    String field = customer != null ? "customer"
        : maxPayments != null ? "maxPayments"
        : creditCard != null ? "creditCard"
        : creditCardHolderInfo != null ? "creditCardHolderInfo"
        : creditCardToken != null ? "creditCardToken"
        : remoteIp != null ? "remoteIp"
        : null;
    if (field != null) {
      throw Validation.invalid(field, "cannot be changed by an update (Asaas's update does not define it)");
    }
  }

  /**
   * A description with card data and IP masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "SubscriptionRequest[customer=" + customer + ", billingType=" + billingType + ", value=" + value + ", nextDueDate=" + nextDueDate
        + ", cycle=" + cycle + ", externalReference=" + externalReference + (usesCard() ? ", card=****, remoteIp=****" : "") + "]";
  }

  SubscriptionRequest withExternalReference(String reference) {
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
    b.customer = customer;
    b.billingType = billingType;
    b.value = value;
    b.nextDueDate = nextDueDate;
    b.cycle = cycle;
    b.description = description;
    b.endDate = endDate;
    b.maxPayments = maxPayments;
    b.externalReference = externalReference;
    b.discount = discount;
    b.interest = interest;
    b.fine = fine;
    b.split = split;
    b.creditCard = creditCard;
    b.creditCardHolderInfo = creditCardHolderInfo;
    b.creditCardToken = creditCardToken;
    b.remoteIp = remoteIp;
    b.status = status;
    b.updatePendingPayments = updatePendingPayments;
    return b;
  }

  /** Builds {@link SubscriptionRequest} values. Not thread-safe. */
  public static final class Builder {
    private String customer;
    private BillingType billingType;
    private Money value;
    private LocalDate nextDueDate;
    private SubscriptionCycle cycle;
    private String description;
    private LocalDate endDate;
    private Integer maxPayments;
    private String externalReference;
    private Discount discount;
    private Interest interest;
    private Fine fine;
    private List<Split> split;
    private CreditCard creditCard;
    private CreditCardHolderInfo creditCardHolderInfo;
    private String creditCardToken;
    private String remoteIp;
    private SubscriptionStatus status;
    private Boolean updatePendingPayments;

    private Builder() {}

    /**
     * Sets customer.
     *
     * @param customer the customer's id (required to create)
     * @return this builder
     */
    public Builder customer(String customer) {
      this.customer = customer;
      return this;
    }

    /**
     * Sets billingType.
     *
     * @param billingType how each payment is paid (required to create)
     * @return this builder
     */
    public Builder billingType(BillingType billingType) {
      this.billingType = billingType;
      return this;
    }

    /**
     * Sets value.
     *
     * @param value the value of each payment, greater than zero (required to create)
     * @return this builder
     */
    public Builder value(Money value) {
      this.value = value;
      return this;
    }

    /**
     * Sets nextDueDate.
     *
     * @param nextDueDate the first due date (required to create)
     * @return this builder
     */
    public Builder nextDueDate(LocalDate nextDueDate) {
      this.nextDueDate = nextDueDate;
      return this;
    }

    /**
     * Sets cycle.
     *
     * @param cycle the cycle (required to create)
     * @return this builder
     */
    public Builder cycle(SubscriptionCycle cycle) {
      this.cycle = cycle;
      return this;
    }

    /**
     * Sets description.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets endDate.
     *
     * @param endDate the last day, or null
     * @return this builder
     */
    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    /**
     * Sets maxPayments.
     *
     * @param maxPayments the maximum number of payments, or null
     * @return this builder
     */
    public Builder maxPayments(Integer maxPayments) {
      this.maxPayments = maxPayments;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param externalReference your reference; generated on create when absent
     * @return this builder
     */
    public Builder externalReference(String externalReference) {
      this.externalReference = externalReference;
      return this;
    }

    /**
     * Sets discount.
     *
     * @param discount an early-payment discount
     * @return this builder
     */
    public Builder discount(Discount discount) {
      this.discount = discount;
      return this;
    }

    /**
     * Sets interest.
     *
     * @param interest monthly interest after the due date
     * @return this builder
     */
    public Builder interest(Interest interest) {
      this.interest = interest;
      return this;
    }

    /**
     * Sets fine.
     *
     * @param fine a fine after the due date
     * @return this builder
     */
    public Builder fine(Fine fine) {
      this.fine = fine;
      return this;
    }

    /**
     * Sets split.
     *
     * @param split shares for other wallets
     * @return this builder
     */
    public Builder split(List<Split> split) {
      this.split = split;
      return this;
    }

    /**
     * Sets creditCard.
     *
     * @param creditCard raw card data (CREDIT_CARD only)
     * @return this builder
     */
    public Builder creditCard(CreditCard creditCard) {
      this.creditCard = creditCard;
      return this;
    }

    /**
     * Sets creditCardHolderInfo.
     *
     * @param creditCardHolderInfo the holder's data (with raw card data)
     * @return this builder
     */
    public Builder creditCardHolderInfo(CreditCardHolderInfo creditCardHolderInfo) {
      this.creditCardHolderInfo = creditCardHolderInfo;
      return this;
    }

    /**
     * Sets creditCardToken.
     *
     * @param creditCardToken a card token
     * @return this builder
     */
    public Builder creditCardToken(String creditCardToken) {
      this.creditCardToken = creditCardToken;
      return this;
    }

    /**
     * Sets remoteIp.
     *
     * @param remoteIp the payer's IP (required with card data)
     * @return this builder
     */
    public Builder remoteIp(String remoteIp) {
      this.remoteIp = remoteIp;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status ACTIVE or INACTIVE (update only: resume or pause)
     * @return this builder
     */
    public Builder status(SubscriptionStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets updatePendingPayments.
     *
     * @param updatePendingPayments update only: apply value and billing type changes to pending payments too
     * @return this builder
     */
    public Builder updatePendingPayments(Boolean updatePendingPayments) {
      this.updatePendingPayments = updatePendingPayments;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field when the
     *     values are inconsistent or invalid
     */
    public SubscriptionRequest build() {
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero, was " + value);
      }
      boolean card = creditCard != null || creditCardToken != null;
      if (card && billingType != null && billingType != BillingType.CREDIT_CARD) {
        throw Validation.invalid("billingType", "is " + billingType + " but card data was given; use CREDIT_CARD");
      }
      if (card && (remoteIp == null || remoteIp.isBlank())) {
        throw Validation.invalid("remoteIp", "is required for card subscriptions");
      }
      if (creditCard != null && creditCardToken != null) {
        throw Validation.invalid("creditCardToken", "and creditCard are mutually exclusive");
      }
      if (creditCard != null && creditCardHolderInfo == null) {
        throw Validation.invalid("creditCardHolderInfo", "is required with raw card data");
      }
      if (maxPayments != null && maxPayments < 1) {
        throw Validation.invalid("maxPayments", "must be at least 1");
      }
      if (endDate != null && nextDueDate != null && endDate.isBefore(nextDueDate)) {
        throw Validation.invalid("endDate", "is before nextDueDate");
      }
      SplitRules.check(split, value, null, false);
      return new SubscriptionRequest(customer, billingType, value, nextDueDate, cycle, description, endDate, maxPayments, externalReference, discount, interest, fine, split, creditCard, creditCardHolderInfo, creditCardToken, remoteIp, status, updatePendingPayments);
    }
  }
}
