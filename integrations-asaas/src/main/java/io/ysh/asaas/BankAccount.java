package io.ysh.asaas;

import java.time.LocalDate;

/**
 * A bank account that receives a TED or PIX transfer. {@link #toString()} masks the CPF/CNPJ.
 *
 * @param bank the bank
 * @param accountName a label for the account, or null
 * @param ownerName the owner's name
 * @param ownerBirthDate the owner's birth date, or null
 * @param cpfCnpj the owner's CPF or CNPJ
 * @param agency the branch number
 * @param account the account number
 * @param accountDigit the account's check digit
 * @param bankAccountType CONTA_CORRENTE or CONTA_POUPANCA
 */
public record BankAccount(
    Bank bank,
    String accountName,
    String ownerName,
    LocalDate ownerBirthDate,
    String cpfCnpj,
    String agency,
    String account,
    String accountDigit,
    String bankAccountType) {

  /**
   * A description with personal and card data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "BankAccount[bank=" + bank + ", ownerName=" + ownerName + ", cpfCnpj=****, agency=" + agency + "]";
  }
}
