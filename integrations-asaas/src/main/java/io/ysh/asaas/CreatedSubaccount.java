package io.ysh.asaas;

import io.ysh.core.Secret;
import java.util.Optional;

/**
 * A subaccount just created, with its API key: Asaas answers the key once, in the create's
 * response, and never again. Store it at once (in a secret store); build the subaccount's own
 * {@link AsaasClient} with it.
 *
 * <p>When the create's outcome was ambiguous and the client found the account by looking it up
 * (see {@link Accounts#create(SubaccountRequest)}), the key is not known: {@link #apiKey()} is
 * empty, and a new key must be generated in Asaas for that account.
 *
 * @param account the account
 * @param key the API key, or null when the account was found by a look-up rather than created by this answer
 */
public record CreatedSubaccount(Subaccount account, Secret key) {

  /**
   * The API key, answered once by the create.
   *
   * @return the key, empty when the account was found by a look-up after an ambiguous failure
   */
  public Optional<Secret> apiKey() {
    return Optional.ofNullable(key);
  }

  /**
   * A description without the key.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "CreatedSubaccount[id=" + account.id() + ", walletId=" + account.walletId() + ", apiKey=" + (key == null ? "unknown" : "****") + "]";
  }
}
