package io.ysh.asaas;

import io.ysh.core.br.Money;

/**
 * The account balance.
 *
 * @param balance the available balance
 */
public record Balance(
    Money balance) {
}
