package io.ysh.asaas;

import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The split checks made before a request is sent, each an {@code INVALID_ARGUMENT} naming the
 * field: a wallet on every split and no wallet twice; a fixed value, a percentage or (installment
 * plans only) a total fixed value on every split; percentages greater than 0 and at most 100,
 * together at most 100; fixed values greater than zero; and the fixed values together no more
 * than what the percentages leave of the charge's value. Asaas computes splits on the net value,
 * which it only knows after the fees: the gross value bounds it, so what is refused here would
 * surely be refused by Asaas, and Asaas still refuses the rest.
 */
final class SplitRules {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SplitRules() {}

  /**
   * Checks splits.
   *
   * @param splits the splits, may be null
   * @param perPayment the value of each payment, or null when unknown (an update without value)
   * @param total the plan's total (installments), or null
   * @param totalFixedAllowed whether {@code totalFixedValue} is allowed (installment plans)
   */
  static void check(List<Split> splits, Money perPayment, Money total, boolean totalFixedAllowed) {
    if (splits == null) {
      return;
    }
    Set<String> wallets = new HashSet<>();
    BigDecimal percent = BigDecimal.ZERO;
    BigDecimal fixed = BigDecimal.ZERO;
    BigDecimal totalFixed = BigDecimal.ZERO;
    for (int i = 0; i < splits.size(); i++) {
      String f = "split[" + i + "]";
      Split s = splits.get(i);
      if (s == null) {
        throw Validation.invalid(f, "is null");
      }
      Validation.id(f + ".walletId", s.walletId());
      if (!wallets.add(s.walletId())) {
        throw Validation.invalid(f + ".walletId", "repeats wallet " + s.walletId() + ": each wallet may appear once");
      }
      if (s.fixedValue() == null && s.percentualValue() == null && s.totalFixedValue() == null) {
        throw Validation.invalid(f, "needs fixedValue, percentualValue" + (totalFixedAllowed ? " or totalFixedValue" : ""));
      }
      if (s.percentualValue() != null) {
        if (s.percentualValue().signum() <= 0 || s.percentualValue().compareTo(HUNDRED) > 0) {
          throw Validation.invalid(f + ".percentualValue", "must be greater than 0 and at most 100, was " + s.percentualValue().toPlainString());
        }
        percent = percent.add(s.percentualValue());
      }
      if (s.fixedValue() != null) {
        if (!s.fixedValue().isPositive()) {
          throw Validation.invalid(f + ".fixedValue", "must be greater than zero, was " + s.fixedValue());
        }
        fixed = fixed.add(s.fixedValue().amount());
      }
      if (s.totalFixedValue() != null) {
        if (!totalFixedAllowed) {
          throw Validation.invalid(f + ".totalFixedValue", "is for installment plans only");
        }
        if (!s.totalFixedValue().isPositive()) {
          throw Validation.invalid(f + ".totalFixedValue", "must be greater than zero, was " + s.totalFixedValue());
        }
        totalFixed = totalFixed.add(s.totalFixedValue().amount());
      }
    }
    if (percent.compareTo(HUNDRED) > 0) {
      throw Validation.invalid("split", "percentages add up to " + percent.toPlainString() + "%, more than 100%");
    }
    BigDecimal left = BigDecimal.ONE.subtract(percent.divide(HUNDRED));
    if (perPayment != null && fixed.signum() > 0 && fixed.compareTo(perPayment.amount().multiply(left)) > 0) {
      throw Validation.invalid("split", "fixed values add up to " + Money.of(fixed) + ", more than the " + perPayment
          + (percent.signum() > 0 ? " left after " + percent.toPlainString() + "% of" : " of") + " each payment's value (the net value is lower still)");
    }
    if (total != null && totalFixed.signum() > 0 && totalFixed.compareTo(total.amount().multiply(left)) > 0) {
      throw Validation.invalid("split", "total fixed values add up to " + Money.of(totalFixed) + ", more than the plan's total " + total
          + (percent.signum() > 0 ? " after " + percent.toPlainString() + "%" : ""));
    }
  }

  /** Checks an installment plan's split update. */
  static void checkInstallment(List<InstallmentSplit> splits) {
    Validation.required("splits", splits);
    for (int i = 0; i < splits.size(); i++) {
      InstallmentSplit s = splits.get(i);
      if (s == null) {
        throw Validation.invalid("splits[" + i + "]", "is null");
      }
      if (s.installmentNumber() != null && s.totalFixedValue() != null) {
        throw Validation.invalid("splits[" + i + "].installmentNumber", "cannot be given with totalFixedValue");
      }
      if (s.installmentNumber() != null && s.installmentNumber() < 1) {
        throw Validation.invalid("splits[" + i + "].installmentNumber", "must be at least 1");
      }
    }
    // wallets may repeat across installments (a split per installment); within one installment they may not
    java.util.Map<Integer, List<Split>> byInstallment = new java.util.HashMap<>();
    for (InstallmentSplit s : splits) {
      byInstallment.computeIfAbsent(s.installmentNumber() == null ? 0 : s.installmentNumber(), k -> new java.util.ArrayList<>()).add(s.asSplit());
    }
    for (List<Split> group : byInstallment.values()) {
      check(group, null, null, true);
    }
  }
}
