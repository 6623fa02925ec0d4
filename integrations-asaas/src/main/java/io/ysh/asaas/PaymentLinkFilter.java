package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing payment links (official schema: the query of {@code GET /v3/paymentLinks}
 * in PaymentLinkService: active, includeDeleted, name, externalReference).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class PaymentLinkFilter {

  private final Map<String, String> params;

  private PaymentLinkFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: every link that is not deleted.
   *
   * @return an empty filter
   */
  public static PaymentLinkFilter all() {
    return new PaymentLinkFilter(Map.of());
  }

  /**
   * Only active (or only inactive) links.
   *
   * @param active the state
   * @return a filter with this condition added
   */
  public PaymentLinkFilter active(Boolean active) {
    return with("active", active == null ? null : active.toString());
  }

  /**
   * Deleted links too.
   *
   * @param include whether to include them
   * @return a filter with this condition added
   */
  public PaymentLinkFilter includeDeleted(Boolean include) {
    return with("includeDeleted", include == null ? null : include.toString());
  }

  /**
   * Links with this name.
   *
   * @param name the name
   * @return a filter with this condition added
   */
  public PaymentLinkFilter name(String name) {
    return with("name", name);
  }

  /**
   * Links with this reference.
   *
   * @param externalReference the reference
   * @return a filter with this condition added
   */
  public PaymentLinkFilter externalReference(String externalReference) {
    return with("externalReference", externalReference);
  }

  Map<String, String> params() {
    return params;
  }

  private PaymentLinkFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new PaymentLinkFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "PaymentLinkFilter" + params.keySet();
  }
}
