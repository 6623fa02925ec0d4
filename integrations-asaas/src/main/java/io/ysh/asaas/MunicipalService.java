package io.ysh.asaas;

import java.math.BigDecimal;

/**
 * A service of the account's city, for {@link InvoiceRequest#municipalServiceId()}.
 *
 * <p>Source: the official schema's {@code FiscalInfoListMunicipalServicesResponseDataDto}
 * (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param id the service's id
 * @param description the service's description (use it as {@code municipalServiceName})
 * @param issTax the ISS rate, in percent
 */
public record MunicipalService(String id, String description, BigDecimal issTax) {}
