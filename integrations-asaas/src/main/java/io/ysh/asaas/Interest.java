package io.ysh.asaas;

import java.math.BigDecimal;

/**
 * Interest charged per month after the due date.
 *
 * @param value the monthly percentage, such as 1 for 1% a month
 */
public record Interest(
    BigDecimal value) {
}
