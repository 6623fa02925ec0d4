package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDateTime;

/**
 * The fields to create a static Pix QR code, named exactly as Asaas's schema names them.
 *
 * <p>Source: the official schema's {@code PixQrCodeSaveRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models, and PixService.md: {@code POST /v3/pix/qrCodes/static}). Checked by
 * {@link Builder#build()}: {@code addressKey} is a Pix key ({@link PixKeys}), value greater than
 * zero, {@code expirationSeconds} positive, not both {@code expirationDate} and
 * {@code expirationSeconds}, format not UNKNOWN; the expiration date must not be in the past
 * (by day, checked when sent).
 *
 * @param addressKey the account's key that receives the payments (normalised), or null for Asaas's choice
 * @param description the description the payer sees
 * @param value the value; null lets the payer choose it
 * @param format what the answer carries: image, payload or both (Asaas's default: ALL)
 * @param expirationDate when payments start being refused (Brazil local time)
 * @param expirationSeconds or: seconds from now until then
 * @param allowsMultiplePayments whether it can be paid more than once (Asaas's default: true)
 * @param externalReference your reference; generated when absent
 */
public record PixStaticQrCodeRequest(
    String addressKey,
    String description,
    Money value,
    PixQrCodeFormat format,
    LocalDateTime expirationDate,
    Long expirationSeconds,
    Boolean allowsMultiplePayments,
    String externalReference) {

  PixStaticQrCodeRequest withExternalReference(String reference) {
    return new PixStaticQrCodeRequest(addressKey, description, value, format, expirationDate, expirationSeconds, allowsMultiplePayments, reference);
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PixStaticQrCodeRequest}; {@link #build()} checks it. */
  public static final class Builder {
    private String addressKey;
    private String description;
    private Money value;
    private PixQrCodeFormat format;
    private LocalDateTime expirationDate;
    private Long expirationSeconds;
    private Boolean allowsMultiplePayments;
    private String externalReference;

    private Builder() {}

    /**
     * The receiving key.
     *
     * @param addressKey a Pix key of the account
     * @return this builder
     */
    public Builder addressKey(String addressKey) {
      this.addressKey = addressKey;
      return this;
    }

    /**
     * The description.
     *
     * @param description the text
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * The value.
     *
     * @param value greater than zero, or null for the payer's choice
     * @return this builder
     */
    public Builder value(Money value) {
      this.value = value;
      return this;
    }

    /**
     * The answer's format.
     *
     * @param format ALL, IMAGE or PAYLOAD
     * @return this builder
     */
    public Builder format(PixQrCodeFormat format) {
      this.format = format;
      return this;
    }

    /**
     * The expiration.
     *
     * @param expirationDate Brazil local time, in the future
     * @return this builder
     */
    public Builder expirationDate(LocalDateTime expirationDate) {
      this.expirationDate = expirationDate;
      return this;
    }

    /**
     * The expiration, in seconds from now.
     *
     * @param expirationSeconds positive
     * @return this builder
     */
    public Builder expirationSeconds(Long expirationSeconds) {
      this.expirationSeconds = expirationSeconds;
      return this;
    }

    /**
     * Whether it can be paid more than once.
     *
     * @param allowsMultiplePayments the flag
     * @return this builder
     */
    public Builder allowsMultiplePayments(Boolean allowsMultiplePayments) {
      this.allowsMultiplePayments = allowsMultiplePayments;
      return this;
    }

    /**
     * Your reference.
     *
     * @param externalReference the reference
     * @return this builder
     */
    public Builder externalReference(String externalReference) {
      this.externalReference = externalReference;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the request
     * @throws io.ysh.core.YshException INVALID_ARGUMENT naming the field
     */
    public PixStaticQrCodeRequest build() {
      String key = addressKey == null ? null : PixKeys.parse("addressKey", addressKey).value();
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero");
      }
      if (expirationSeconds != null && expirationSeconds <= 0) {
        throw Validation.invalid("expirationSeconds", "must be positive");
      }
      if (expirationSeconds != null && expirationDate != null) {
        throw Validation.invalid("expirationSeconds", "and expirationDate are two ways to say the same thing: give one");
      }
      if (format == PixQrCodeFormat.UNKNOWN) {
        throw Validation.invalid("format", "UNKNOWN cannot be sent");
      }
      return new PixStaticQrCodeRequest(key, description, value, format, expirationDate, expirationSeconds, allowsMultiplePayments,
          externalReference);
    }
  }
}
