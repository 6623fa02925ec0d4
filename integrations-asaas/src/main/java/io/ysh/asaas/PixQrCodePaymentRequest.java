package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * Paying a Pix QR code from the account's balance ({@code POST /v3/pix/qrCodes/pay}), named exactly
 * as Asaas's schema names the fields.
 *
 * <p>Source: the official schema's {@code PixTransactionSaveRequestDto} and
 * {@code PixTransactionQrCodeSaveRequestDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 * Built by {@link #of(String, Money)}: the payload is required and the value greater than zero;
 * the change not negative; the schedule date must not be in the past (checked when sent).
 *
 * @param qrCode the code and the change
 * @param value the value to pay
 * @param description a description
 * @param scheduleDate the day to pay it, or null for now
 */
public record PixQrCodePaymentRequest(QrCode qrCode, Money value, String description, LocalDate scheduleDate) {

  /**
   * The code being paid.
   *
   * @param payload the copy-and-paste code
   * @param changeValue the change (Pix Troco), or null
   */
  public record QrCode(String payload, Money changeValue) {}

  /**
   * Pays a code now with this value.
   *
   * @param payload the copy-and-paste code
   * @param value the value, greater than zero
   * @return the request
   * @throws io.ysh.core.YshException INVALID_ARGUMENT naming the field
   */
  public static PixQrCodePaymentRequest of(String payload, Money value) {
    Validation.required("payload", payload);
    Validation.required("value", value);
    if (!value.isPositive()) {
      throw Validation.invalid("value", "must be greater than zero");
    }
    return new PixQrCodePaymentRequest(new QrCode(payload.strip(), null), value, null, null);
  }

  /**
   * With a description.
   *
   * @param text the description
   * @return a copy
   */
  public PixQrCodePaymentRequest description(String text) {
    return new PixQrCodePaymentRequest(qrCode, value, text, scheduleDate);
  }

  /**
   * Scheduled for a day.
   *
   * @param date the day, today or later
   * @return a copy
   */
  public PixQrCodePaymentRequest scheduleDate(LocalDate date) {
    return new PixQrCodePaymentRequest(qrCode, value, description, date);
  }

  /**
   * With change (Pix Troco).
   *
   * @param change the change, not negative
   * @return a copy
   */
  public PixQrCodePaymentRequest changeValue(Money change) {
    if (change != null && change.isNegative()) {
      throw Validation.invalid("changeValue", "must not be negative");
    }
    return new PixQrCodePaymentRequest(new QrCode(qrCode.payload(), change), value, description, scheduleDate);
  }
}
