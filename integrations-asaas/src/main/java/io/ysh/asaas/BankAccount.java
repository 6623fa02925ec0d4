package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Map;

/**
 * The bank account a TED or PIX transfer is sent to, with the fields of Asaas's request schema
 * ({@code bank} carries only the bank's {@code code}; {@code ispb} sits beside it).
 * {@link #toString()} masks the CPF/CNPJ.
 *
 * @param bankCode the bank's clearing code, such as {@code 237}; sent as {@code bank.code}
 * @param accountName a label for the account, or null
 * @param ownerName the owner's name
 * @param ownerBirthDate the owner's birth date, or null (only when the account's CPF/CNPJ is not yours)
 * @param cpfCnpj the owner's CPF or CNPJ
 * @param agency the branch number, without digit
 * @param account the account number, without digit
 * @param accountDigit the account's check digit
 * @param bankAccountType CONTA_CORRENTE or CONTA_POUPANCA, or null
 * @param ispb the institution's ISPB (for institutions without a bank code), or null
 */
public record BankAccount(
    @JsonIgnore String bankCode,
    String accountName,
    String ownerName,
    LocalDate ownerBirthDate,
    String cpfCnpj,
    String agency,
    String account,
    String accountDigit,
    String bankAccountType,
    String ispb) {

  @JsonProperty("bank")
  Map<String, String> bankForJson() {
    return bankCode == null ? null : Map.of("code", bankCode);
  }

  /**
   * A description with personal data masked.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "BankAccount[bankCode=" + bankCode + ", ownerName=" + ownerName + ", cpfCnpj=****, agency=" + agency + "]";
  }
}
