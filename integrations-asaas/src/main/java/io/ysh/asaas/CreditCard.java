package io.ysh.asaas;



/**
 * Card data for a card payment. Never logged: {@link #toString()} masks it.
 *
 * @param holderName the name printed on the card
 * @param number the card number
 * @param expiryMonth two-digit month
 * @param expiryYear four-digit year
 * @param ccv the security code
 */
public record CreditCard(
    String holderName,
    String number,
    String expiryMonth,
    String expiryYear,
    String ccv) {

  /**
   * A description with personal and card data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "CreditCard[holderName=" + holderName + ", number=****" + (number == null || number.length() < 4 ? "" : number.substring(number.length() - 4)) + ", ccv=****]";
  }
}
