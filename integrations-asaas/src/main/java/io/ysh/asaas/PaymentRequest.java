package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields to create or update a payment, named exactly as Asaas's schema names them (Asaas
 * silently ignores a field it does not know). Rules Asaas would reject are checked locally with
 * {@code INVALID_ARGUMENT} naming the field: a value of zero or less, {@code installmentValue}
 * together with {@code totalValue}, card data with a billing type other than CREDIT_CARD, card
 * payments without {@code remoteIp}, {@code authorizeOnly} without a card, splits that cannot be
 * right (see {@link Split}); the due date must not
 * be in the past (checked when sent). {@link #toString()} masks card data.
 *
 * @param customer the customer's id (required to create)
 * @param billingType how it is paid (required to create)
 * @param value the value, greater than zero (required to create; per installment with installmentCount unless totalValue is given)
 * @param dueDate the due date, today or later (required to create)
 * @param description a description of at most 500 characters
 * @param externalReference your reference; generated on create when absent, and used to find the payment after an ambiguous failure
 * @param installmentCount the number of installments, or null for a single payment
 * @param installmentValue the value of each installment (not with totalValue)
 * @param totalValue the total split across installments (not with installmentValue)
 * @param discount an early-payment discount
 * @param interest monthly interest after the due date
 * @param fine a fine after the due date
 * @param postalService send the boleto by mail
 * @param split shares for other wallets
 * @param creditCard raw card data (CREDIT_CARD only; needs holder info and remoteIp)
 * @param creditCardHolderInfo the holder's data (with raw card data)
 * @param creditCardToken a card token from an earlier payment (CREDIT_CARD only; needs remoteIp)
 * @param remoteIp the payer's IP address (required for card payments)
 * @param authorizeOnly only pre-authorize the card (the payment stays AUTHORIZED until {@link Payments#captureAuthorizedPayment(String)}); card charges only
 */
public record PaymentRequest(
    String customer,
    BillingType billingType,
    Money value,
    LocalDate dueDate,
    String description,
    String externalReference,
    Integer installmentCount,
    Money installmentValue,
    Money totalValue,
    Discount discount,
    Interest interest,
    Fine fine,
    Boolean postalService,
    List<Split> split,
    CreditCard creditCard,
    CreditCardHolderInfo creditCardHolderInfo,
    String creditCardToken,
    String remoteIp,
    Boolean authorizeOnly) {

  /**
   * A description with card data, token and IP masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "PaymentRequest[customer=" + customer + ", billingType=" + billingType + ", value=" + value + ", dueDate=" + dueDate
        + ", externalReference=" + externalReference + ", installmentCount=" + installmentCount
        + (usesCard() ? ", card=****, remoteIp=****" : "") + ", authorizeOnly=" + authorizeOnly + "]";
  }

  PaymentRequest withExternalReference(String reference) {
    return toBuilder().externalReference(reference).build();
  }

  boolean usesCard() {
    return creditCard != null || creditCardToken != null;
  }

  /** This request without card data, card token and the payer's IP: what an exception may carry. */
  PaymentRequest redacted() {
    return new PaymentRequest(customer, billingType, value, dueDate, description, externalReference, installmentCount, installmentValue,
        totalValue, discount, interest, fine, postalService, split, null, null, null, null, authorizeOnly);
  }

  /** Rejects the fields Asaas's update ({@code PUT /payments/{id}}) does not define. */
  void checkUpdatable() {
    String field = customer != null ? "customer"
        : installmentCount != null ? "installmentCount"
        : installmentValue != null ? "installmentValue"
        : totalValue != null ? "totalValue"
        : creditCard != null ? "creditCard"
        : creditCardHolderInfo != null ? "creditCardHolderInfo"
        : creditCardToken != null ? "creditCardToken"
        : remoteIp != null ? "remoteIp"
        : authorizeOnly != null ? "authorizeOnly"
        : null;
    if (field != null) {
      throw Validation.invalid(field, "cannot be changed by an update (Asaas's update does not define it)");
    }
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
    b.dueDate = dueDate;
    b.description = description;
    b.externalReference = externalReference;
    b.installmentCount = installmentCount;
    b.installmentValue = installmentValue;
    b.totalValue = totalValue;
    b.discount = discount;
    b.interest = interest;
    b.fine = fine;
    b.postalService = postalService;
    b.split = split;
    b.creditCard = creditCard;
    b.creditCardHolderInfo = creditCardHolderInfo;
    b.creditCardToken = creditCardToken;
    b.remoteIp = remoteIp;
    b.authorizeOnly = authorizeOnly;
    return b;
  }

  /** Builds {@link PaymentRequest} values. Not thread-safe. */
  public static final class Builder {
    private String customer;
    private BillingType billingType;
    private Money value;
    private LocalDate dueDate;
    private String description;
    private String externalReference;
    private Integer installmentCount;
    private Money installmentValue;
    private Money totalValue;
    private Discount discount;
    private Interest interest;
    private Fine fine;
    private Boolean postalService;
    private List<Split> split;
    private CreditCard creditCard;
    private CreditCardHolderInfo creditCardHolderInfo;
    private String creditCardToken;
    private String remoteIp;
    private Boolean authorizeOnly;

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
     * @param billingType how it is paid (required to create)
     * @return this builder
     */
    public Builder billingType(BillingType billingType) {
      this.billingType = billingType;
      return this;
    }

    /**
     * Sets value.
     *
     * @param value the value, greater than zero (required to create; per installment with installmentCount unless totalValue is given)
     * @return this builder
     */
    public Builder value(Money value) {
      this.value = value;
      return this;
    }

    /**
     * Sets dueDate.
     *
     * @param dueDate the due date, today or later (required to create)
     * @return this builder
     */
    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /**
     * Sets description.
     *
     * @param description a description of at most 500 characters
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param externalReference your reference; generated on create when absent, and used to find the payment after an ambiguous failure
     * @return this builder
     */
    public Builder externalReference(String externalReference) {
      this.externalReference = externalReference;
      return this;
    }

    /**
     * Sets installmentCount.
     *
     * @param installmentCount the number of installments, or null for a single payment
     * @return this builder
     */
    public Builder installmentCount(Integer installmentCount) {
      this.installmentCount = installmentCount;
      return this;
    }

    /**
     * Sets installmentValue.
     *
     * @param installmentValue the value of each installment (not with totalValue)
     * @return this builder
     */
    public Builder installmentValue(Money installmentValue) {
      this.installmentValue = installmentValue;
      return this;
    }

    /**
     * Sets totalValue.
     *
     * @param totalValue the total split across installments (not with installmentValue)
     * @return this builder
     */
    public Builder totalValue(Money totalValue) {
      this.totalValue = totalValue;
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
     * Sets postalService.
     *
     * @param postalService send the boleto by mail
     * @return this builder
     */
    public Builder postalService(Boolean postalService) {
      this.postalService = postalService;
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
     * @param creditCard raw card data (CREDIT_CARD only; needs holder info and remoteIp)
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
     * @param creditCardToken a card token from an earlier payment (CREDIT_CARD only; needs remoteIp)
     * @return this builder
     */
    public Builder creditCardToken(String creditCardToken) {
      this.creditCardToken = creditCardToken;
      return this;
    }

    /**
     * Sets remoteIp.
     *
     * @param remoteIp the payer's IP address (required for card payments)
     * @return this builder
     */
    public Builder remoteIp(String remoteIp) {
      this.remoteIp = remoteIp;
      return this;
    }

    /**
     * Sets authorizeOnly (Asaas's spelling; a misspelt field would be ignored and the card
     * captured at once).
     *
     * @param authorizeOnly only pre-authorize the card: the payment stays AUTHORIZED until
     *     {@link Payments#captureAuthorizedPayment(String)}
     * @return this builder
     */
    public Builder authorizeOnly(Boolean authorizeOnly) {
      this.authorizeOnly = authorizeOnly;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field when the
     *     values are inconsistent or invalid
     */
    public PaymentRequest build() {
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero, was " + value);
      }
      if (installmentValue != null && totalValue != null) {
        throw Validation.invalid("installmentValue", "and totalValue are mutually exclusive: give one of them with installmentCount");
      }
      if (installmentCount != null) {
        if (installmentCount < 2) {
          throw Validation.invalid("installmentCount", "must be at least 2, was " + installmentCount);
        }
        if (installmentValue == null && totalValue == null) {
          throw Validation.invalid("installmentCount", "needs installmentValue or totalValue");
        }
      } else if (installmentValue != null || totalValue != null) {
        throw Validation.invalid(installmentValue != null ? "installmentValue" : "totalValue", "needs installmentCount");
      }
      if (installmentValue != null && !installmentValue.isPositive()) {
        throw Validation.invalid("installmentValue", "must be greater than zero");
      }
      if (totalValue != null && !totalValue.isPositive()) {
        throw Validation.invalid("totalValue", "must be greater than zero");
      }
      boolean card = creditCard != null || creditCardToken != null || creditCardHolderInfo != null;
      if (card && billingType != null && billingType != BillingType.CREDIT_CARD) {
        throw Validation.invalid("billingType", "is " + billingType + " but card data was given; use CREDIT_CARD");
      }
      if (billingType != null && billingType != BillingType.UNDEFINED && billingType != BillingType.BOLETO
          && billingType != BillingType.CREDIT_CARD && billingType != BillingType.PIX) {
        throw Validation.invalid("billingType", "must be UNDEFINED, BOLETO, CREDIT_CARD or PIX to create a payment");
      }
      if (creditCard != null && creditCardToken != null) {
        throw Validation.invalid("creditCardToken", "and creditCard are mutually exclusive");
      }
      if (creditCard != null && creditCardHolderInfo == null) {
        throw Validation.invalid("creditCardHolderInfo", "is required with raw card data");
      }
      if (creditCardHolderInfo != null && creditCardHolderInfo.cpfCnpj() != null) {
        Validation.cpfCnpj("creditCardHolderInfo.cpfCnpj", creditCardHolderInfo.cpfCnpj());
      }
      if (card && (remoteIp == null || remoteIp.isBlank())) {
        throw Validation.invalid("remoteIp", "is required for card payments (the payer's IP address)");
      }
      if (Boolean.TRUE.equals(authorizeOnly) && creditCard == null && creditCardToken == null) {
        throw Validation.invalid("authorizeOnly", "needs card data or a card token (it pre-authorizes a card charge)");
      }
      if (description != null && description.length() > 500) {
        throw Validation.invalid("description", "must have at most 500 characters");
      }
      if (discount != null && discount.value() != null && discount.value().signum() < 0) {
        throw Validation.invalid("discount.value", "must not be negative");
      }
      checkSplit();
      return new PaymentRequest(customer, billingType, value, dueDate, description, externalReference, installmentCount, installmentValue, totalValue, discount, interest, fine, postalService, split, creditCard, creditCardHolderInfo, creditCardToken, remoteIp, authorizeOnly);
    }

    private void checkSplit() {
      if (installmentCount == null) {
        SplitRules.check(split, value, null, false);
        return;
      }
      Money each = installmentValue != null ? installmentValue
          : Money.of(totalValue.amount().divide(java.math.BigDecimal.valueOf(installmentCount), 2, java.math.RoundingMode.DOWN));
      Money total = totalValue != null ? totalValue : installmentValue.times(java.math.BigDecimal.valueOf(installmentCount), java.math.RoundingMode.UNNECESSARY);
      SplitRules.check(split, each, total, true);
    }
  }
}
