package io.ysh.asaas;



/**
 * The card holder's data Asaas requires with raw card data (anti-fraud). {@link #toString()} masks the CPF/CNPJ.
 *
 * @param name the holder's name
 * @param email the holder's e-mail
 * @param cpfCnpj the holder's CPF or CNPJ
 * @param postalCode the holder's CEP
 * @param addressNumber the holder's address number
 * @param addressComplement the address complement, or null
 * @param phone a landline, or null
 * @param mobilePhone a mobile phone, or null
 */
public record CreditCardHolderInfo(
    String name,
    String email,
    String cpfCnpj,
    String postalCode,
    String addressNumber,
    String addressComplement,
    String phone,
    String mobilePhone) {

  /**
   * A description with personal and card data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "CreditCardHolderInfo[name=" + name + ", cpfCnpj=****]";
  }
}
