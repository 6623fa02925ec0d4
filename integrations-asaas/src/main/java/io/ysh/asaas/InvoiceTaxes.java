package io.ysh.asaas;

import java.math.BigDecimal;

/**
 * The taxes of an NFS-e: rates as percentages (5 means 5 %), and whether the taker withholds ISS.
 *
 * <p>Source: the official schema's {@code InvoiceTaxesDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models): every field is required when sent. Rates are checked (0 to 100, not
 * null) when a request holding them is built.
 *
 * @param retainIss whether the invoice's taker must withhold the ISS
 * @param cofins the COFINS rate, in percent
 * @param csll the CSLL rate, in percent
 * @param inss the INSS rate, in percent
 * @param ir the IR rate, in percent
 * @param pis the PIS rate, in percent
 * @param iss the ISS rate, in percent
 */
public record InvoiceTaxes(
    Boolean retainIss, BigDecimal cofins, BigDecimal csll, BigDecimal inss, BigDecimal ir, BigDecimal pis, BigDecimal iss) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * Only ISS (the other rates zero), the common case for a small service company.
   *
   * @param iss the ISS rate, in percent
   * @param retainIss whether the taker withholds it
   * @return the taxes
   */
  public static InvoiceTaxes issOnly(BigDecimal iss, boolean retainIss) {
    return new InvoiceTaxes(retainIss, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, iss);
  }

  void check() {
    Validation.required("taxes.retainIss", retainIss);
    rate("taxes.cofins", cofins);
    rate("taxes.csll", csll);
    rate("taxes.inss", inss);
    rate("taxes.ir", ir);
    rate("taxes.pis", pis);
    rate("taxes.iss", iss);
  }

  private static void rate(String field, BigDecimal v) {
    Validation.required(field, v);
    if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
      throw Validation.invalid(field, "must be a percentage between 0 and 100, was " + v.toPlainString());
    }
  }
}
