package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The invoice events Asaas sends (docs.asaas.com "Eventos para notas fiscais" / "Invoices
 * events"; the same eight names are in the official schema's webhook event enum). An
 * {@code INVOICE_…} event this SDK does not know is {@link #UNKNOWN}; {@link InvoiceEvent#rawEvent()}
 * keeps its name.
 */
public enum InvoiceEventType {
  /** {@code INVOICE_CREATED}: an invoice was scheduled. */
  INVOICE_CREATED,
  /** {@code INVOICE_UPDATED}: an invoice was changed. */
  INVOICE_UPDATED,
  /** {@code INVOICE_SYNCHRONIZED}: an invoice was sent to the city hall. */
  INVOICE_SYNCHRONIZED,
  /** {@code INVOICE_AUTHORIZED}: an invoice was issued. */
  INVOICE_AUTHORIZED,
  /** {@code INVOICE_PROCESSING_CANCELLATION}: a cancellation is being processed. */
  INVOICE_PROCESSING_CANCELLATION,
  /** {@code INVOICE_CANCELED}: an invoice was cancelled. */
  INVOICE_CANCELED,
  /** {@code INVOICE_CANCELLATION_DENIED}: the cancellation was refused. */
  INVOICE_CANCELLATION_DENIED,
  /** {@code INVOICE_ERROR}: the city hall refused the invoice. */
  INVOICE_ERROR,
  /** An invoice event this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses an event name leniently.
   *
   * @param raw the event name
   * @return the constant, {@link #UNKNOWN} for an unknown name, or null for null
   */
  public static InvoiceEventType from(String raw) {
    return Enums.parse(InvoiceEventType.class, raw, UNKNOWN);
  }
}
