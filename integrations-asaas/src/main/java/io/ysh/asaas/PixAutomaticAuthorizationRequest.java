package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * The fields to create a Pix Automático authorization (journey 3: a QR code whose payment both
 * pays a first charge and authorizes the recurring debits), named exactly as Asaas's schema names
 * them.
 *
 * <p>Sources: docs.asaas.com "Criar uma autorização" ({@code POST /v3/pix/automatic/authorizations}:
 * frequency, contractId, startDate, finishDate, value, description, customerId, immediateQrCode,
 * minLimitValue, paymentCreationMode) and the schema {@code PixReceiverAutomaticRecurringAuthorizationSaveRequest}
 * (adds retryPolicy; immediateQrCode: pixKey, expirationSeconds, originalValue, description).
 * Checked by {@link Builder#build()}: customerId, contractId (at most 35 characters), frequency,
 * startDate and the immediate QR code's expiration (positive) and value (greater than zero) are
 * required; description at most 35 characters; value greater than zero; minLimitValue only
 * without a fixed value; finishDate not before startDate; pixKey a Pix key; no UNKNOWN constant.
 * The start date must not be in the past (checked when sent).
 *
 * @param frequency how often it is debited
 * @param contractId your contract's identifier; also what makes the create exactly-once
 * @param startDate the first day it is valid
 * @param finishDate the last day, or null for no end
 * @param value the fixed value of each debit, or null for a variable value
 * @param description the description (at most 35 characters)
 * @param customerId the payer's customer id
 * @param immediateQrCode the first charge, paid to activate
 * @param minLimitValue the least the payer may cap a variable value at
 * @param paymentCreationMode who creates the charges (Asaas's default: MANUAL)
 * @param retryPolicy whether refused debits may be retried
 */
public record PixAutomaticAuthorizationRequest(
    PixAutomaticFrequency frequency,
    String contractId,
    LocalDate startDate,
    LocalDate finishDate,
    Money value,
    String description,
    String customerId,
    ImmediateQrCode immediateQrCode,
    Money minLimitValue,
    PixAutomaticPaymentCreationMode paymentCreationMode,
    PixAutomaticRetryPolicy retryPolicy) {

  /**
   * The first charge of an authorization.
   *
   * @param pixKey the key that receives it, or null for Asaas's choice
   * @param expirationSeconds seconds until it expires
   * @param originalValue its value
   * @param description its description
   */
  public record ImmediateQrCode(String pixKey, Long expirationSeconds, Money originalValue, String description) {}

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PixAutomaticAuthorizationRequest}; {@link #build()} checks it. */
  public static final class Builder {
    private PixAutomaticFrequency frequency;
    private String contractId;
    private LocalDate startDate;
    private LocalDate finishDate;
    private Money value;
    private String description;
    private String customerId;
    private String pixKey;
    private Long expirationSeconds;
    private Money firstValue;
    private String firstDescription;
    private Money minLimitValue;
    private PixAutomaticPaymentCreationMode paymentCreationMode;
    private PixAutomaticRetryPolicy retryPolicy;

    private Builder() {}

    /**
     * The frequency.
     *
     * @param frequency how often
     * @return this builder
     */
    public Builder frequency(PixAutomaticFrequency frequency) {
      this.frequency = frequency;
      return this;
    }

    /**
     * Your contract's identifier.
     *
     * @param contractId at most 35 characters
     * @return this builder
     */
    public Builder contractId(String contractId) {
      this.contractId = contractId;
      return this;
    }

    /**
     * The first day.
     *
     * @param startDate today or later
     * @return this builder
     */
    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    /**
     * The last day.
     *
     * @param finishDate not before the start, or null for no end
     * @return this builder
     */
    public Builder finishDate(LocalDate finishDate) {
      this.finishDate = finishDate;
      return this;
    }

    /**
     * The fixed value of each debit.
     *
     * @param value greater than zero, or null for a variable value
     * @return this builder
     */
    public Builder value(Money value) {
      this.value = value;
      return this;
    }

    /**
     * The description.
     *
     * @param description at most 35 characters
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * The payer.
     *
     * @param customerId the customer's id
     * @return this builder
     */
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * The first charge, paid to activate the authorization.
     *
     * @param originalValue its value, greater than zero
     * @param expirationSeconds seconds until it expires, positive
     * @return this builder
     */
    public Builder immediateQrCode(Money originalValue, long expirationSeconds) {
      this.firstValue = originalValue;
      this.expirationSeconds = expirationSeconds;
      return this;
    }

    /**
     * The first charge's description.
     *
     * @param description the text
     * @return this builder
     */
    public Builder immediateQrCodeDescription(String description) {
      this.firstDescription = description;
      return this;
    }

    /**
     * The key that receives the first charge.
     *
     * @param pixKey a Pix key of the account
     * @return this builder
     */
    public Builder immediateQrCodePixKey(String pixKey) {
      this.pixKey = pixKey;
      return this;
    }

    /**
     * The least a variable value may be capped at by the payer.
     *
     * @param minLimitValue greater than zero; only without {@link #value(Money)}
     * @return this builder
     */
    public Builder minLimitValue(Money minLimitValue) {
      this.minLimitValue = minLimitValue;
      return this;
    }

    /**
     * Who creates the charges.
     *
     * @param mode MANUAL or SUBSCRIPTION
     * @return this builder
     */
    public Builder paymentCreationMode(PixAutomaticPaymentCreationMode mode) {
      this.paymentCreationMode = mode;
      return this;
    }

    /**
     * The retry policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(PixAutomaticRetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the request
     * @throws io.ysh.core.YshException INVALID_ARGUMENT naming the field
     */
    public PixAutomaticAuthorizationRequest build() {
      Validation.required("customerId", customerId);
      Validation.required("contractId", contractId);
      if (contractId.length() > 35) {
        throw Validation.invalid("contractId", "has " + contractId.length() + " characters; at most 35");
      }
      Validation.required("frequency", frequency);
      Validation.required("startDate", startDate);
      if (description != null && description.length() > 35) {
        throw Validation.invalid("description", "has " + description.length() + " characters; at most 35");
      }
      if (finishDate != null && finishDate.isBefore(startDate)) {
        throw Validation.invalid("finishDate", "is before startDate");
      }
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero");
      }
      if (minLimitValue != null && value != null) {
        throw Validation.invalid("minLimitValue", "is for variable-value authorizations only (value is set)");
      }
      if (minLimitValue != null && !minLimitValue.isPositive()) {
        throw Validation.invalid("minLimitValue", "must be greater than zero");
      }
      Validation.required("immediateQrCode.originalValue", firstValue);
      if (!firstValue.isPositive()) {
        throw Validation.invalid("immediateQrCode.originalValue", "must be greater than zero");
      }
      if (expirationSeconds == null || expirationSeconds <= 0) {
        throw Validation.invalid("immediateQrCode.expirationSeconds", "must be positive");
      }
      String key = pixKey == null ? null : PixKeys.parse("immediateQrCode.pixKey", pixKey).value();
      if (frequency == PixAutomaticFrequency.UNKNOWN || paymentCreationMode == PixAutomaticPaymentCreationMode.UNKNOWN
          || retryPolicy == PixAutomaticRetryPolicy.UNKNOWN) {
        throw Validation.invalid(frequency == PixAutomaticFrequency.UNKNOWN ? "frequency"
            : paymentCreationMode == PixAutomaticPaymentCreationMode.UNKNOWN ? "paymentCreationMode" : "retryPolicy", "UNKNOWN cannot be sent");
      }
      return new PixAutomaticAuthorizationRequest(frequency, contractId, startDate, finishDate, value, description, customerId,
          new ImmediateQrCode(key, expirationSeconds, firstValue, firstDescription), minLimitValue, paymentCreationMode, retryPolicy);
    }
  }
}
