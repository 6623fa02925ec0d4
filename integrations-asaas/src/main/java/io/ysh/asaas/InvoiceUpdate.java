package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * The fields to change on a scheduled NFS-e (only those given are sent), named exactly as Asaas's
 * schema names them.
 *
 * <p>Source: the official schema's {@code InvoiceUpdateRequestDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models). Checked by {@link Builder#build()}: value greater than zero, deductions
 * between zero and the value, tax rates between 0 and 100.
 *
 * @param serviceDescription the description of the services
 * @param observations additional observations (may be empty)
 * @param externalReference your reference
 * @param value the total value, greater than zero
 * @param deductions deductions: they change the ISS base, not the total; zero or more, at most the value
 * @param effectiveDate the issue date, today or later
 * @param updatePayment whether Asaas lowers the payment's value by the withheld taxes
 * @param taxes the taxes
 */
public record InvoiceUpdate(
    String serviceDescription,
    String observations,
    String externalReference,
    Money value,
    Money deductions,
    LocalDate effectiveDate,
    Boolean updatePayment,
    InvoiceTaxes taxes) {

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
    b.serviceDescription = serviceDescription;
    b.observations = observations;
    b.externalReference = externalReference;
    b.value = value;
    b.deductions = deductions;
    b.effectiveDate = effectiveDate;
    b.updatePayment = updatePayment;
    b.taxes = taxes;
    return b;
  }

  /** Builds {@link InvoiceUpdate} values. Not thread-safe. */
  public static final class Builder {
    private String serviceDescription;
    private String observations;
    private String externalReference;
    private Money value;
    private Money deductions;
    private LocalDate effectiveDate;
    private Boolean updatePayment;
    private InvoiceTaxes taxes;

    private Builder() {}

    /**
     * Sets serviceDescription.
     *
     * @param v the description of the services
     * @return this builder
     */
    public Builder serviceDescription(String v) {
      this.serviceDescription = v;
      return this;
    }

    /**
     * Sets observations.
     *
     * @param v additional observations (may be empty)
     * @return this builder
     */
    public Builder observations(String v) {
      this.observations = v;
      return this;
    }

    /**
     * Sets externalReference.
     *
     * @param v your reference
     * @return this builder
     */
    public Builder externalReference(String v) {
      this.externalReference = v;
      return this;
    }

    /**
     * Sets value.
     *
     * @param v the total value, greater than zero
     * @return this builder
     */
    public Builder value(Money v) {
      this.value = v;
      return this;
    }

    /**
     * Sets deductions.
     *
     * @param v deductions: they change the ISS base, not the total; zero or more, at most the value
     * @return this builder
     */
    public Builder deductions(Money v) {
      this.deductions = v;
      return this;
    }

    /**
     * Sets effectiveDate.
     *
     * @param v the issue date, today or later
     * @return this builder
     */
    public Builder effectiveDate(LocalDate v) {
      this.effectiveDate = v;
      return this;
    }

    /**
     * Sets updatePayment.
     *
     * @param v whether Asaas lowers the payment's value by the withheld taxes
     * @return this builder
     */
    public Builder updatePayment(Boolean v) {
      this.updatePayment = v;
      return this;
    }

    /**
     * Sets taxes.
     *
     * @param v the taxes
     * @return this builder
     */
    public Builder taxes(InvoiceTaxes v) {
      this.taxes = v;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public InvoiceUpdate build() {
      if (value != null && !value.isPositive()) {
        throw Validation.invalid("value", "must be greater than zero, was " + value);
      }
      if (deductions != null && deductions.isNegative()) {
        throw Validation.invalid("deductions", "must not be negative, was " + deductions);
      }
      if (deductions != null && value != null && deductions.compareTo(value) > 0) {
        throw Validation.invalid("deductions", "must not exceed the value (" + deductions + " > " + value + ")");
      }
      if (taxes != null) {
        taxes.check();
      }
      return new InvoiceUpdate(serviceDescription, observations, externalReference, value, deductions, effectiveDate, updatePayment, taxes);
    }
  }
}
