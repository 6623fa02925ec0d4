package io.ysh.asaas;



/**
 * A boleto's typeable line and bar code.
 *
 * @param identificationField the typeable line (linha digitável)
 * @param nossoNumero the bank's number for the boleto
 * @param barCode the bar code digits
 */
public record BoletoIdentification(
    String identificationField,
    String nossoNumero,
    String barCode) {
}
