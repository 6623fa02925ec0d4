package io.ysh.asaas;

import java.math.BigDecimal;

/**
 * A fine charged once after the due date.
 *
 * @param value the amount (FIXED) or percentage (PERCENTAGE)
 * @param type how the value is expressed; Asaas assumes PERCENTAGE when absent
 */
public record Fine(
    BigDecimal value,
    DiscountType type) {
}
