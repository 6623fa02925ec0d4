package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A split as Asaas returns it: on a payment ({@link Payment#split()}), in the lists of paid and
 * received splits ({@link Splits}) and from an installment plan's split update.
 *
 * <p>Source: the official schema's {@code PaymentSplitGetResponseDto} and
 * {@code InstallmentSplitGetResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models);
 * {@code paymentId} and the dates appear in the paid/received lists of docs.asaas.com and are
 * null elsewhere.
 *
 * @param id the split's id
 * @param walletId the receiving wallet
 * @param fixedValue the fixed amount, or null
 * @param percentualValue the percentage of the net value, or null
 * @param totalValue the amount the wallet receives
 * @param rawCancellationReason why it was cancelled, as Asaas sent it, or null
 * @param rawStatus the status as Asaas sent it
 * @param externalReference your reference, or null
 * @param description the description, or null
 * @param installmentNumber the installment it is tied to (installment plans), or null
 * @param paymentId the payment it belongs to (paid/received lists), or null
 * @param paymentConfirmedDate when the payment was confirmed (paid/received lists), or null
 * @param creditDate when the share was credited (paid/received lists), or null
 */
public record PaymentSplit(
    String id,
    String walletId,
    Money fixedValue,
    BigDecimal percentualValue,
    Money totalValue,
    @JsonProperty("cancellationReason") String rawCancellationReason,
    @JsonProperty("status") String rawStatus,
    String externalReference,
    String description,
    Integer installmentNumber,
    String paymentId,
    LocalDate paymentConfirmedDate,
    LocalDate creditDate) {

  /**
   * The status.
   *
   * @return the value, {@link SplitStatus#UNKNOWN} when this SDK does not know it (see {@link #rawStatus()}), or null
   */
  public SplitStatus status() {
    return SplitStatus.from(rawStatus);
  }

  /**
   * Why it was cancelled.
   *
   * @return the value, {@link SplitCancellationReason#UNKNOWN} when this SDK does not know it, or null
   */
  public SplitCancellationReason cancellationReason() {
    return SplitCancellationReason.from(rawCancellationReason);
  }
}
