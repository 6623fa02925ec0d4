package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The status of an NFS-e (official schema: {@code InvoiceGetResponseInvoiceStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum InvoiceStatus {
  /** Scheduled: to be issued on its effective date, or by {@link Invoices#authorize}. */
  SCHEDULED,
  /** Issued by the city hall: it has a number, a PDF and an XML. */
  AUTHORIZED,
  /** A cancellation was sent to the city hall. */
  PROCESSING_CANCELLATION,
  /** Cancelled. */
  CANCELED,
  /** The city hall refused the cancellation. */
  CANCELLATION_DENIED,
  /** The city hall refused it; {@link Invoice#statusDescription()} says why. */
  ERROR,
  /** A value this SDK version does not know; see the raw string on the record. Never sent. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static InvoiceStatus from(String raw) {
    return Enums.parse(InvoiceStatus.class, raw, UNKNOWN);
  }
}
