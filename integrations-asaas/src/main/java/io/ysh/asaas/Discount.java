package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.math.BigDecimal;

/**
 * A discount for paying early.
 *
 * @param value the amount (FIXED) or percentage (PERCENTAGE)
 * @param dueDateLimitDays days before the due date until which the discount applies (0 = until the due date)
 * @param type how the value is expressed
 */
public record Discount(
    BigDecimal value,
    Integer dueDateLimitDays,
    DiscountType type) {

  /**
   * A fixed discount in reais.
   *
   * @param amount the discount
   * @param dueDateLimitDays days before the due date until which it applies
   * @return the discount
   */
  public static Discount fixed(Money amount, int dueDateLimitDays) {
    return new Discount(amount.amount(), dueDateLimitDays, DiscountType.FIXED);
  }

  /**
   * A percentage discount.
   *
   * @param percent the percentage, such as 5 for 5%
   * @param dueDateLimitDays days before the due date until which it applies
   * @return the discount
   */
  public static Discount percentage(BigDecimal percent, int dueDateLimitDays) {
    return new Discount(percent, dueDateLimitDays, DiscountType.PERCENTAGE);
  }
}
