package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing paid or received splits ({@link Splits}).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered
 * (official schema: {@code ListPaidSplitsParameters}, {@code ListReceivedSplitsParameters}),
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class SplitFilter {

  private final Map<String, String> params;

  private SplitFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: everything.
   *
   * @return an empty filter
   */
  public static SplitFilter all() {
    return new SplitFilter(Map.of());
  }

  /**
   * Splits of one payment.
   *
   * @param paymentId the payment's id
   * @return a filter with this condition added
   */
  public SplitFilter paymentId(String paymentId) {
    return with("paymentId", paymentId == null ? null : Validation.id("paymentId", paymentId));
  }

  /**
   * Splits with this status.
   *
   * @param status the status (not UNKNOWN)
   * @return a filter with this condition added
   */
  public SplitFilter status(SplitStatus status) {
    if (status == SplitStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with("status", status == null ? null : status.name());
  }

  /**
   * Splits whose payment was confirmed on or after this day.
   *
   * @param day the day
   * @return a filter with this condition added
   */
  public SplitFilter paymentConfirmedFrom(LocalDate day) {
    return with("paymentConfirmedDate[ge]", day == null ? null : day.toString());
  }

  /**
   * Splits whose payment was confirmed on or before this day.
   *
   * @param day the day
   * @return a filter with this condition added
   */
  public SplitFilter paymentConfirmedTo(LocalDate day) {
    return with("paymentConfirmedDate[le]", day == null ? null : day.toString());
  }

  /**
   * Splits credited on or after this day.
   *
   * @param day the day
   * @return a filter with this condition added
   */
  public SplitFilter creditFrom(LocalDate day) {
    return with("creditDate[ge]", day == null ? null : day.toString());
  }

  /**
   * Splits credited on or before this day.
   *
   * @param day the day
   * @return a filter with this condition added
   */
  public SplitFilter creditTo(LocalDate day) {
    return with("creditDate[le]", day == null ? null : day.toString());
  }

  Map<String, String> params() {
    return params;
  }

  private SplitFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new SplitFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "SplitFilter" + params.keySet();
  }
}
