package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing customers.
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class CustomerFilter {

  private final Map<String, String> params;

  private CustomerFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: everything.
   *
   * @return an empty filter
   */
  public static CustomerFilter all() {
    return new CustomerFilter(Map.of());
  }

  /**
   * Customers whose name contains this text.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public CustomerFilter name(String value) {
    return with("name", value);
  }

  /**
   * Customers with this e-mail.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public CustomerFilter email(String value) {
    return with("email", value);
  }

  /**
   * Customers with this CPF or CNPJ (validated, sent as digits).
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public CustomerFilter cpfCnpj(String value) {
    return with("cpfCnpj", value == null ? null : Validation.cpfCnpj("cpfCnpj", value));
  }

  /**
   * Customers of this group.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public CustomerFilter groupName(String value) {
    return with("groupName", value);
  }

  /**
   * Customers with this externalReference.
   *
   * @param value the value
   * @return a filter with this condition added
   */
  public CustomerFilter externalReference(String value) {
    return with("externalReference", value);
  }

  Map<String, String> params() {
    return params;
  }

  private CustomerFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new CustomerFilter(Map.copyOf(copy));
  }

  @SuppressWarnings("unused")
  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @Override
  public String toString() {
    return "CustomerFilter" + params.keySet();
  }
}
