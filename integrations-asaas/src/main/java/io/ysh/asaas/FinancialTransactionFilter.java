package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing the account statement.
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class FinancialTransactionFilter {

  private final Map<String, String> params;

  private FinancialTransactionFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: everything.
   *
   * @return an empty filter
   */
  public static FinancialTransactionFilter all() {
    return new FinancialTransactionFilter(Map.of());
  }

  /**
   * Transactions on or after this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public FinancialTransactionFilter startDate(LocalDate value) {
    return with("startDate", date(value));
  }

  /**
   * Transactions on or before this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public FinancialTransactionFilter finishDate(LocalDate value) {
    return with("finishDate", date(value));
  }

  Map<String, String> params() {
    return params;
  }

  private FinancialTransactionFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new FinancialTransactionFilter(Map.copyOf(copy));
  }

  @SuppressWarnings("unused")
  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @Override
  public String toString() {
    return "FinancialTransactionFilter" + params.keySet();
  }
}
