package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing transfers.
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class TransferFilter {

  private final Map<String, String> params;

  private TransferFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: everything.
   *
   * @return an empty filter
   */
  public static TransferFilter all() {
    return new TransferFilter(Map.of());
  }

  /**
   * Transfers created on or after this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public TransferFilter dateCreatedFrom(LocalDate value) {
    return with("dateCreated[ge]", date(value));
  }

  /**
   * Transfers created on or before this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public TransferFilter dateCreatedTo(LocalDate value) {
    return with("dateCreated[le]", date(value));
  }

  /**
   * Transfers done on or after this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public TransferFilter transferDateFrom(LocalDate value) {
    return with("transferDate[ge]", date(value));
  }

  /**
   * Transfers done on or before this day.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public TransferFilter transferDateTo(LocalDate value) {
    return with("transferDate[le]", date(value));
  }

  /**
   * Transfers of this type (BANK_ACCOUNT or ASAAS_ACCOUNT).
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public TransferFilter type(String value) {
    return with("type", value);
  }

  Map<String, String> params() {
    return params;
  }

  private TransferFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new TransferFilter(Map.copyOf(copy));
  }

  @SuppressWarnings("unused")
  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @Override
  public String toString() {
    return "TransferFilter" + params.keySet();
  }
}
