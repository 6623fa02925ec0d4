package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing Pix transactions (official schema: {@code ListTransactionsParameters} of
 * {@code GET /v3/pix/transactions}: status, type, endToEndIdentifier).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered.
 */
public final class PixTransactionFilter {

  private final Map<String, String> params;

  private PixTransactionFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition.
   *
   * @return an empty filter
   */
  public static PixTransactionFilter all() {
    return new PixTransactionFilter(Map.of());
  }

  /**
   * Transactions in this status.
   *
   * @param status the status; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixTransactionFilter status(PixTransactionStatus status) {
    Validation.required("status", status);
    if (status == PixTransactionStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with("status", status.name());
  }

  /**
   * Transactions of this type.
   *
   * @param type the type; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixTransactionFilter type(PixTransactionType type) {
    Validation.required("type", type);
    if (type == PixTransactionType.UNKNOWN) {
      throw Validation.invalid("type", "UNKNOWN is not a type Asaas knows");
    }
    return with("type", type.name());
  }

  /**
   * The transaction with this Central Bank identifier.
   *
   * @param endToEndIdentifier the identifier
   * @return a filter with this condition added
   */
  public PixTransactionFilter endToEndIdentifier(String endToEndIdentifier) {
    return with("endToEndIdentifier", Validation.required("endToEndIdentifier", endToEndIdentifier));
  }

  Map<String, String> params() {
    return params;
  }

  private PixTransactionFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    copy.put(key, value);
    return new PixTransactionFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "PixTransactionFilter" + params.keySet();
  }
}
