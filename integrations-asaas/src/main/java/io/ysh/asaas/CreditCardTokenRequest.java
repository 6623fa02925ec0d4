package io.ysh.asaas;

/**
 * What {@link Payments#tokenizeCreditCard(CreditCardTokenRequest)} sends to
 * {@code POST /creditCard/tokenizeCreditCard}. {@link #toString()} masks the card and the IP.
 *
 * @param customer the customer the token belongs to
 * @param creditCard the card
 * @param creditCardHolderInfo the holder's data
 * @param remoteIp the payer's IP address (not your server's)
 */
public record CreditCardTokenRequest(String customer, CreditCard creditCard, CreditCardHolderInfo creditCardHolderInfo, String remoteIp) {

  /**
   * Validates the fields.
   *
   * @param customer see the record component
   * @param creditCard see the record component
   * @param creditCardHolderInfo see the record component
   * @param remoteIp see the record component
   */
  public CreditCardTokenRequest {
    Validation.id("customer", customer);
    Validation.required("creditCard", creditCard);
    Validation.required("creditCardHolderInfo", creditCardHolderInfo);
    Validation.required("remoteIp", remoteIp);
    if (creditCardHolderInfo.cpfCnpj() != null) {
      Validation.cpfCnpj("creditCardHolderInfo.cpfCnpj", creditCardHolderInfo.cpfCnpj());
    }
  }

  /**
   * A description with card data and IP masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "CreditCardTokenRequest[customer=" + customer + ", creditCard=" + creditCard + ", remoteIp=****]";
  }
}
