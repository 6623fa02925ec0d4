package io.ysh.asaas;

/**
 * The destination of a transfer as Asaas returns it. {@link #toString()} masks the CPF/CNPJ and
 * the PIX key.
 *
 * @param bank the bank (code, ISPB and name), or null
 * @param accountName the account's label, or null
 * @param ownerName the owner's name
 * @param cpfCnpj the owner's CPF or CNPJ
 * @param agency the branch number
 * @param agencyDigit the branch's digit, or null
 * @param account the account number
 * @param accountDigit the account's digit
 * @param pixAddressKey the PIX key, for a transfer to a key
 */
public record TransferBankAccount(
    Bank bank,
    String accountName,
    String ownerName,
    String cpfCnpj,
    String agency,
    String agencyDigit,
    String account,
    String accountDigit,
    String pixAddressKey) {

  /**
   * A description with personal data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "TransferBankAccount[bank=" + bank + ", ownerName=" + ownerName + ", cpfCnpj=****, agency=" + agency
        + (pixAddressKey == null ? "" : ", pixAddressKey=****") + "]";
  }
}
