package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing subscriptions.
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class SubscriptionFilter {

  private final Map<String, String> params;

  private SubscriptionFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: everything.
   *
   * @return an empty filter
   */
  public static SubscriptionFilter all() {
    return new SubscriptionFilter(Map.of());
  }

  /**
   * Subscriptions of this customer id.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public SubscriptionFilter customer(String value) {
    return with("customer", value);
  }

  /**
   * Subscriptions with this billing type.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public SubscriptionFilter billingType(BillingType value) {
    return with("billingType", value == null ? null : value.name());
  }

  /**
   * Subscriptions in this status.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public SubscriptionFilter status(SubscriptionStatus value) {
    return with("status", value == null ? null : value.name());
  }

  /**
   * Subscriptions with this externalReference.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public SubscriptionFilter externalReference(String value) {
    return with("externalReference", value);
  }

  /**
   * Whether deleted subscriptions are included.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public SubscriptionFilter includeDeleted(Boolean value) {
    return with("includeDeleted", value == null ? null : value.toString());
  }

  Map<String, String> params() {
    return params;
  }

  private SubscriptionFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new SubscriptionFilter(Map.copyOf(copy));
  }

  @SuppressWarnings("unused")
  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @Override
  public String toString() {
    return "SubscriptionFilter" + params.keySet();
  }
}
