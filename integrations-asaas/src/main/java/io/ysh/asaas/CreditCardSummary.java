package io.ysh.asaas;



/**
 * The card as a payment reports it: the last digits, the brand and the token for later charges.
 *
 * @param creditCardNumber the last four digits
 * @param creditCardBrand the brand, such as VISA or MASTERCARD
 * @param creditCardToken the token that charges this card again without card data
 */
public record CreditCardSummary(
    String creditCardNumber,
    String creditCardBrand,
    String creditCardToken) {

  /**
   * A description with personal and card data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "CreditCardSummary[creditCardNumber=" + creditCardNumber + ", creditCardBrand=" + creditCardBrand + ", creditCardToken=****]";
  }
}
