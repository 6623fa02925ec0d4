package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * A transfer to a PIX key or to a bank account (exactly one).
 *
 * @param value the value, greater than zero
 * @param pixAddressKey the PIX key, or null
 * @param pixAddressKeyType the PIX key's kind (with pixAddressKey)
 * @param bankAccount the destination account, or null
 * @param operationType PIX or TED (bank account only), or null for Asaas's choice
 * @param description the description
 * @param scheduleDate a future date, or null for now
 * @param externalReference your reference; generated when absent
 */
public record TransferRequest(
    Money value,
    String pixAddressKey,
    PixKeyType pixAddressKeyType,
    BankAccount bankAccount,
    TransferOperationType operationType,
    String description,
    LocalDate scheduleDate,
    String externalReference) {

  /**
   * A description with the PIX key and the account owner's document masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "TransferRequest[value=" + value + ", pixAddressKeyType=" + pixAddressKeyType + (pixAddressKey == null ? "" : ", pixAddressKey=****")
        + (bankAccount == null ? "" : ", bankAccount=" + bankAccount) + ", operationType=" + operationType + ", scheduleDate=" + scheduleDate
        + ", externalReference=" + externalReference + "]";
  }

  TransferRequest withExternalReference(String reference) {
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
    b.value = value;
    b.pixAddressKey = pixAddressKey;
    b.pixAddressKeyType = pixAddressKeyType;
    b.bankAccount = bankAccount;
    b.operationType = operationType;
    b.description = description;
    b.scheduleDate = scheduleDate;
    b.externalReference = externalReference;
    return b;
  }

  /** Builds {@link TransferRequest} values. Not thread-safe. */
  public static final class Builder {
    private Money value;
    private String pixAddressKey;
    private PixKeyType pixAddressKeyType;
    private BankAccount bankAccount;
    private TransferOperationType operationType;
    private String description;
    private LocalDate scheduleDate;
    private String externalReference;

    private Builder() {}

    /**
     * Sets value.
     *
     * @param value the value, greater than zero
     * @return this builder
     */
    public Builder value(Money value) {
      this.value = value;
      return this;
    }

    /**
     * Sets pixAddressKey.
     *
     * @param pixAddressKey the PIX key, or null
     * @return this builder
     */
    public Builder pixAddressKey(String pixAddressKey) {
      this.pixAddressKey = pixAddressKey;
      return this;
    }

    /**
     * Sets pixAddressKeyType.
     *
     * @param pixAddressKeyType the PIX key's kind (with pixAddressKey)
     * @return this builder
     */
    public Builder pixAddressKeyType(PixKeyType pixAddressKeyType) {
      this.pixAddressKeyType = pixAddressKeyType;
      return this;
    }

    /**
     * Sets bankAccount.
     *
     * @param bankAccount the destination account, or null
     * @return this builder
     */
    public Builder bankAccount(BankAccount bankAccount) {
      this.bankAccount = bankAccount;
      return this;
    }

    /**
     * Sets operationType.
     *
     * @param operationType PIX or TED (bank account only), or null for Asaas's choice
     * @return this builder
     */
    public Builder operationType(TransferOperationType operationType) {
      this.operationType = operationType;
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
     * Sets scheduleDate.
     *
     * @param scheduleDate a future date, or null for now
     * @return this builder
     */
    public Builder scheduleDate(LocalDate scheduleDate) {
      this.scheduleDate = scheduleDate;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param externalReference your reference; generated when absent
     * @return this builder
     */
    public Builder externalReference(String externalReference) {
      this.externalReference = externalReference;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field when the
     *     values are inconsistent or invalid
     */
    public TransferRequest build() {
      if (value == null || !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero");
      }
      if ((pixAddressKey == null) == (bankAccount == null)) {
        throw Validation.invalid("pixAddressKey", "or bankAccount: give exactly one destination");
      }
      if (pixAddressKey != null && pixAddressKeyType == null) {
        throw Validation.invalid("pixAddressKeyType", "is required with pixAddressKey");
      }
      if (pixAddressKeyType == PixKeyType.CPF || pixAddressKeyType == PixKeyType.CNPJ) {
        pixAddressKey = Validation.cpfCnpj("pixAddressKey", pixAddressKey);
      }
      if (bankAccount != null && bankAccount.cpfCnpj() != null) {
        Validation.cpfCnpj("bankAccount.cpfCnpj", bankAccount.cpfCnpj());
      }
      return new TransferRequest(value, pixAddressKey, pixAddressKeyType, bankAccount, operationType, description, scheduleDate, externalReference);
    }
  }
}
