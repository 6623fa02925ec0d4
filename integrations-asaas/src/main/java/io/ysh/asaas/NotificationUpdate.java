package io.ysh.asaas;

/**
 * The settings to change on one notification (only those given are sent), named exactly as
 * Asaas's schema names them.
 *
 * <p>Source: the official schema's {@code NotificationUpdateRequestDto} and
 * {@code NotificationUpdateRequestDtoScheduleOffset} (asaasdev/asaas-api-sdk-java,
 * documentation/models). Checked by {@link Builder#build()}: scheduleOffset is one of 0, 1, 5, 7,
 * 10, 15 or 30 (which of them an event accepts is checked by Asaas).
 *
 * @param enabled whether the notification is sent at all
 * @param emailEnabledForProvider whether you get an e-mail
 * @param smsEnabledForProvider whether you get an SMS
 * @param emailEnabledForCustomer whether the customer gets an e-mail
 * @param smsEnabledForCustomer whether the customer gets an SMS
 * @param phoneCallEnabledForCustomer whether the customer gets a voice call (needs a phone on the customer)
 * @param whatsappEnabledForCustomer whether the customer gets a WhatsApp message
 * @param scheduleOffset days before the due date (PAYMENT_DUEDATE_WARNING: 0, 5, 10, 15 or 30) or after it (PAYMENT_OVERDUE: 1, 7, 15 or 30)
 */
public record NotificationUpdate(
    Boolean enabled,
    Boolean emailEnabledForProvider,
    Boolean smsEnabledForProvider,
    Boolean emailEnabledForCustomer,
    Boolean smsEnabledForCustomer,
    Boolean phoneCallEnabledForCustomer,
    Boolean whatsappEnabledForCustomer,
    Integer scheduleOffset) {

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
    b.enabled = enabled;
    b.emailEnabledForProvider = emailEnabledForProvider;
    b.smsEnabledForProvider = smsEnabledForProvider;
    b.emailEnabledForCustomer = emailEnabledForCustomer;
    b.smsEnabledForCustomer = smsEnabledForCustomer;
    b.phoneCallEnabledForCustomer = phoneCallEnabledForCustomer;
    b.whatsappEnabledForCustomer = whatsappEnabledForCustomer;
    b.scheduleOffset = scheduleOffset;
    return b;
  }

  /** Builds {@link NotificationUpdate} values. Not thread-safe. */
  public static final class Builder {
    private Boolean enabled;
    private Boolean emailEnabledForProvider;
    private Boolean smsEnabledForProvider;
    private Boolean emailEnabledForCustomer;
    private Boolean smsEnabledForCustomer;
    private Boolean phoneCallEnabledForCustomer;
    private Boolean whatsappEnabledForCustomer;
    private Integer scheduleOffset;

    private Builder() {}

    /**
     * Sets enabled.
     *
     * @param v whether the notification is sent at all
     * @return this builder
     */
    public Builder enabled(Boolean v) {
      this.enabled = v;
      return this;
    }

    /**
     * Sets emailEnabledForProvider.
     *
     * @param v whether you get an e-mail
     * @return this builder
     */
    public Builder emailEnabledForProvider(Boolean v) {
      this.emailEnabledForProvider = v;
      return this;
    }

    /**
     * Sets smsEnabledForProvider.
     *
     * @param v whether you get an SMS
     * @return this builder
     */
    public Builder smsEnabledForProvider(Boolean v) {
      this.smsEnabledForProvider = v;
      return this;
    }

    /**
     * Sets emailEnabledForCustomer.
     *
     * @param v whether the customer gets an e-mail
     * @return this builder
     */
    public Builder emailEnabledForCustomer(Boolean v) {
      this.emailEnabledForCustomer = v;
      return this;
    }

    /**
     * Sets smsEnabledForCustomer.
     *
     * @param v whether the customer gets an SMS
     * @return this builder
     */
    public Builder smsEnabledForCustomer(Boolean v) {
      this.smsEnabledForCustomer = v;
      return this;
    }

    /**
     * Sets phoneCallEnabledForCustomer.
     *
     * @param v whether the customer gets a voice call (needs a phone on the customer)
     * @return this builder
     */
    public Builder phoneCallEnabledForCustomer(Boolean v) {
      this.phoneCallEnabledForCustomer = v;
      return this;
    }

    /**
     * Sets whatsappEnabledForCustomer.
     *
     * @param v whether the customer gets a WhatsApp message
     * @return this builder
     */
    public Builder whatsappEnabledForCustomer(Boolean v) {
      this.whatsappEnabledForCustomer = v;
      return this;
    }

    /**
     * Sets scheduleOffset.
     *
     * @param v days before the due date (PAYMENT_DUEDATE_WARNING: 0, 5, 10, 15 or 30) or after it (PAYMENT_OVERDUE: 1, 7, 15 or 30)
     * @return this builder
     */
    public Builder scheduleOffset(Integer v) {
      this.scheduleOffset = v;
      return this;
    }

    /**
     * Builds the request, checking what can be checked locally.
     *
     * @return the request
     * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} naming the field
     */
    public NotificationUpdate build() {
      if (scheduleOffset != null && !java.util.Set.of(0, 1, 5, 7, 10, 15, 30).contains(scheduleOffset)) {
        throw Validation.invalid("scheduleOffset", "must be 0, 1, 5, 7, 10, 15 or 30, was " + scheduleOffset);
      }
      return new NotificationUpdate(enabled, emailEnabledForProvider, smsEnabledForProvider, emailEnabledForCustomer, smsEnabledForCustomer, phoneCallEnabledForCustomer, whatsappEnabledForCustomer, scheduleOffset);
    }
  }
}
