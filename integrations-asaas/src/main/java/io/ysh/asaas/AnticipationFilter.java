package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing anticipations (official schema: {@code ListAnticipationsParameters} of
 * {@code GET /v3/anticipations}: payment, installment, status).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class AnticipationFilter {

  private final Map<String, String> params;

  private AnticipationFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition.
   *
   * @return an empty filter
   */
  public static AnticipationFilter all() {
    return new AnticipationFilter(Map.of());
  }

  /**
   * Anticipations of a payment.
   *
   * @param payment the payment's id
   * @return a filter with this condition added
   */
  public AnticipationFilter payment(String payment) {
    return with("payment", payment);
  }

  /**
   * Anticipations of an installment plan.
   *
   * @param installment the installment plan's id
   * @return a filter with this condition added
   */
  public AnticipationFilter installment(String installment) {
    return with("installment", installment);
  }

  /**
   * Anticipations in a status.
   *
   * @param status the status; not {@link AnticipationStatus#UNKNOWN}
   * @return a filter with this condition added
   */
  public AnticipationFilter status(AnticipationStatus status) {
    if (status == AnticipationStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with("status", status == null ? null : status.name());
  }

  Map<String, String> params() {
    return params;
  }

  private AnticipationFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new AnticipationFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "AnticipationFilter" + params.keySet();
  }
}
