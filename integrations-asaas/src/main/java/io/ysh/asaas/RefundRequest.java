package io.ysh.asaas;

import io.ysh.core.br.Money;

/**
 * A refund: full when {@code value} is null, partial otherwise (PIX allows several partial refunds). Fees are not refunded.
 *
 * @param value the amount to refund, or null for the whole payment
 * @param description the reason, or null
 */
public record RefundRequest(
    Money value,
    String description) {

  /**
   * Validates the value.
   *
   * @param value see the record component
   * @param description see the record component
   */
  public RefundRequest {
    if (value != null && !value.isPositive()) {
      throw Validation.invalid("value", "must be greater than zero, was " + value);
    }
  }

  /**
   * A full refund.
   *
   * @return the request
   */
  public static RefundRequest full() {
    return new RefundRequest(null, null);
  }

  /**
   * A partial refund.
   *
   * @param value the amount, greater than zero
   * @return the request
   */
  public static RefundRequest partial(Money value) {
    return new RefundRequest(value, null);
  }
}
