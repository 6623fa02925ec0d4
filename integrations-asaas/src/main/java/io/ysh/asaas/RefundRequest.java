package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A refund: full when {@code value} is null and no split refund is given, partial otherwise (PIX
 * allows several partial refunds). Fees are not refunded.
 *
 * <p>Split refunds (docs.asaas.com "Estornar cobrança": {@code splitRefunds}, items {@code id}
 * and {@code value}; newer than the official generated schema's {@code PaymentRefundRequestDto})
 * take part of the refund back from split recipients: without {@code value} the refund is their
 * sum; with it, the rest of {@code value} comes from this account.
 *
 * @param value the amount to refund, or null for the whole payment (or the sum of the split refunds)
 * @param description the reason, or null
 * @param splitRefunds what to take back from which split, or null or empty for none
 */
public record RefundRequest(
    Money value,
    String description,
    List<SplitRefund> splitRefunds) {

  /**
   * Validates the value and the split refunds: each given once, with a valid id and a positive
   * value, and together not more than {@code value} when it is given.
   *
   * @param value see the record component
   * @param description see the record component
   * @param splitRefunds see the record component
   */
  public RefundRequest {
    if (value != null && !value.isPositive()) {
      throw Validation.invalid("value", "must be greater than zero, was " + value);
    }
    if (splitRefunds != null && splitRefunds.isEmpty()) {
      splitRefunds = null;
    }
    if (splitRefunds != null) {
      Set<String> ids = new HashSet<>();
      Money sum = Money.ZERO;
      for (SplitRefund s : splitRefunds) {
        Validation.required("splitRefunds[]", s);
        if (!ids.add(s.id())) {
          throw Validation.invalid("splitRefunds", "refunds split " + s.id() + " twice");
        }
        sum = sum.plus(s.value());
      }
      if (value != null && sum.compareTo(value) > 0) {
        throw Validation.invalid("splitRefunds", "total " + sum + " more than the refund's value " + value);
      }
      splitRefunds = List.copyOf(splitRefunds);
    }
  }

  /**
   * A refund without split refunds.
   *
   * @param value the amount to refund, or null for the whole payment
   * @param description the reason, or null
   */
  public RefundRequest(Money value, String description) {
    this(value, description, null);
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

  /**
   * This refund, taking these amounts back from split recipients.
   *
   * @param splits what to take back from which split
   * @return the request
   */
  public RefundRequest withSplitRefunds(List<SplitRefund> splits) {
    return new RefundRequest(value, description, Validation.required("splits", splits));
  }

  /**
   * What a refund takes back from one split of the payment.
   *
   * @param id the split's id ({@link PaymentSplit#id()})
   * @param value the amount to take back, greater than zero
   */
  public record SplitRefund(String id, Money value) {

    /**
     * Validates both.
     *
     * @param id see the record component
     * @param value see the record component
     */
    public SplitRefund {
      Validation.id("splitRefunds.id", id);
      Validation.required("splitRefunds.value", value);
      if (!value.isPositive()) {
        throw Validation.invalid("splitRefunds.value", "must be greater than zero, was " + value);
      }
    }
  }
}
