package io.ysh.asaas;



/**
 * A bank, identified by its COMPE code or ISPB.
 *
 * @param code the three-digit COMPE code, such as 001
 * @param ispb the ISPB, or null
 * @param name the bank's name (responses)
 */
public record Bank(
    String code,
    String ispb,
    String name) {
}
