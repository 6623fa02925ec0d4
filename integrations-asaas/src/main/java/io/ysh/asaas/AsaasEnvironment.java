package io.ysh.asaas;

/**
 * Where the client sends requests. A key's prefix says which environment it belongs to
 * ({@code $aact_prod_…} or {@code $aact_hmlg_…}); the client refuses a key of the other
 * environment before sending anything, because Asaas would answer 401 anyway.
 */
public enum AsaasEnvironment {
  /** {@code https://api.asaas.com/v3}: real money. */
  PRODUCTION("https://api.asaas.com/v3", "$aact_prod_", "$aact_hmlg_"),
  /** {@code https://api-sandbox.asaas.com/v3}: test accounts, sandbox helpers enabled. */
  SANDBOX("https://api-sandbox.asaas.com/v3", "$aact_hmlg_", "$aact_prod_");

  private final String baseUrl;
  private final String keyPrefix;
  private final String foreignPrefix;

  AsaasEnvironment(String baseUrl, String keyPrefix, String foreignPrefix) {
    this.baseUrl = baseUrl;
    this.keyPrefix = keyPrefix;
    this.foreignPrefix = foreignPrefix;
  }

  /**
   * The API's base URL, including {@code /v3}.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The prefix of this environment's API keys.
   *
   * @return {@code $aact_prod_} or {@code $aact_hmlg_}
   */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Whether a key visibly belongs to the other environment. Keys without an environment marker
   * (older formats) are accepted.
   *
   * @param key the API key text
   * @return true when the key carries the other environment's prefix
   */
  boolean isForeignKey(String key) {
    return key.startsWith(foreignPrefix);
  }
}
