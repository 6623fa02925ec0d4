package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.math.BigDecimal;

/**
 * A share of a payment sent to another Asaas wallet.
 *
 * @param walletId the receiving wallet
 * @param fixedValue a fixed amount, or null
 * @param percentualValue a percentage of the net value, or null
 */
public record Split(
    String walletId,
    Money fixedValue,
    BigDecimal percentualValue) {
}
