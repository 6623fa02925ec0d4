package io.ysh.examples.spring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of {@code POST /quotes}.
 *
 * @param customerName the customer's name
 * @param cpfCnpj the customer's CPF or CNPJ
 * @param email the customer's e-mail, optional
 * @param distributor the customer's distributor, an acronym such as {@code CEMIG-D} or a CNPJ
 * @param date the day to price the tariff on; today when absent
 * @param monthlyKwh the customer's consumption, kWh per month, positive
 */
public record QuoteRequest(String customerName, String cpfCnpj, String email, String distributor, LocalDate date,
    BigDecimal monthlyKwh) {}
