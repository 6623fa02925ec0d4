package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing subaccounts (official schema: {@code ListSubaccountsParameters}).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class SubaccountFilter {

  private final Map<String, String> params;

  private SubaccountFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition: every subaccount.
   *
   * @return an empty filter
   */
  public static SubaccountFilter all() {
    return new SubaccountFilter(Map.of());
  }

  /**
   * Subaccounts of this CPF or CNPJ.
   *
   * @param cpfCnpj a valid CPF or CNPJ, formatted or bare
   * @return a filter with this condition added
   */
  public SubaccountFilter cpfCnpj(String cpfCnpj) {
    return with("cpfCnpj", cpfCnpj == null ? null : Validation.cpfCnpj("cpfCnpj", cpfCnpj));
  }

  /**
   * Subaccounts with this email.
   *
   * @param email the email
   * @return a filter with this condition added
   */
  public SubaccountFilter email(String email) {
    return with("email", email);
  }

  /**
   * Subaccounts with this name.
   *
   * @param name the name
   * @return a filter with this condition added
   */
  public SubaccountFilter name(String name) {
    return with("name", name);
  }

  /**
   * The subaccount with this wallet.
   *
   * @param walletId the wallet id
   * @return a filter with this condition added
   */
  public SubaccountFilter walletId(String walletId) {
    return with("walletId", walletId);
  }

  Map<String, String> params() {
    return params;
  }

  private SubaccountFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new SubaccountFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "SubaccountFilter" + params.keySet();
  }
}
