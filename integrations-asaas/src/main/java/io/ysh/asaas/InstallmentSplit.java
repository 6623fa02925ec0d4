package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.math.BigDecimal;

/**
 * A split of an installment plan, for {@link Installments#updateSplits(String, java.util.List)}:
 * a {@link Split} that may be tied to one installment.
 *
 * <p>Source: the official schema's {@code InstallmentSplitRequestDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models; {@code PUT /v3/installments/{id}/splits}).
 * {@code installmentNumber} cannot be given together with {@code totalFixedValue}.
 *
 * @param walletId the receiving wallet (required)
 * @param fixedValue a fixed amount per installment, or null
 * @param percentualValue a percentage of each installment's net value, or null
 * @param totalFixedValue an amount of the plan's total, or null
 * @param externalReference your reference, or null
 * @param description a description, or null
 * @param installmentNumber the installment this split applies to (1-based), or null for all
 */
public record InstallmentSplit(
    String walletId,
    Money fixedValue,
    BigDecimal percentualValue,
    Money totalFixedValue,
    String externalReference,
    String description,
    Integer installmentNumber) {

  /**
   * The split for every installment.
   *
   * @param split the split
   * @return the installment split
   */
  public static InstallmentSplit of(Split split) {
    return new InstallmentSplit(split.walletId(), split.fixedValue(), split.percentualValue(), split.totalFixedValue(),
        split.externalReference(), split.description(), null);
  }

  /**
   * This split tied to one installment.
   *
   * @param number the installment's number, from 1
   * @return a copy
   */
  public InstallmentSplit forInstallment(int number) {
    return new InstallmentSplit(walletId, fixedValue, percentualValue, totalFixedValue, externalReference, description, number);
  }

  Split asSplit() {
    return new Split(walletId, fixedValue, percentualValue, totalFixedValue, externalReference, description);
  }
}
