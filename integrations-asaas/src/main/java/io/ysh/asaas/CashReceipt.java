package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * Marks a payment as received outside Asaas (in cash).
 *
 * @param paymentDate the day it was received
 * @param value the amount received
 * @param notifyCustomer whether Asaas notifies the customer
 */
public record CashReceipt(
    LocalDate paymentDate,
    Money value,
    Boolean notifyCustomer) {

  /**
   * Validates the fields.
   *
   * @param paymentDate see the record component
   * @param value see the record component
   * @param notifyCustomer see the record component
   */
  public CashReceipt {
    if (paymentDate == null) {
      throw Validation.invalid("paymentDate", "is required");
    }
    if (value == null || !value.isPositive()) {
      throw Validation.invalid("value", "must be greater than zero");
    }
  }
}
