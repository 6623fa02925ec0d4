package io.ysh.examples;

import io.ysh.core.br.Money;
import io.ysh.examples.solar.SolarQuote;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A quote as stored in object storage ({@code quotes/<id>.json}), through its life: QUOTED,
 * CHARGED (a PIX charge exists), PAID.
 *
 * @param id the quote id, also the charge's {@code externalReference}
 * @param status QUOTED, CHARGED or PAID
 * @param createdAt when it was quoted
 * @param customerName who it is for
 * @param tariff the tariff it was priced with
 * @param monthlyConsumptionKwh the consumption sized for
 * @param peakSunHours the irradiation used
 * @param connection the grid connection
 * @param systemKwp the system size
 * @param monthlyGenerationKwh the monthly generation
 * @param compensatedKwh the energy the generation offsets on the bill
 * @param fioBPerMwh the Fio B used, R$/MWh
 * @param fioBApproximated whether Fio B was approximated from the TUSD
 * @param fioBShare the Lei 14.300 share applied
 * @param billBefore the monthly bill without the system
 * @param billAfter the monthly bill with it
 * @param fioBCharge the Fio B part of {@code billAfter}
 * @param monthlySavings the difference
 * @param systemPrice the system's price
 * @param paybackMonths the simple payback, or null without savings
 * @param paymentId the Asaas charge, once CHARGED
 * @param paidByEvent the webhook event that reported the payment, once PAID
 * @param paidAt when it was marked paid
 */
public record QuoteDocument(
    String id,
    String status,
    Instant createdAt,
    String customerName,
    TariffSnapshot tariff,
    BigDecimal monthlyConsumptionKwh,
    BigDecimal peakSunHours,
    String connection,
    BigDecimal systemKwp,
    BigDecimal monthlyGenerationKwh,
    BigDecimal compensatedKwh,
    BigDecimal fioBPerMwh,
    boolean fioBApproximated,
    BigDecimal fioBShare,
    Money billBefore,
    Money billAfter,
    Money fioBCharge,
    Money monthlySavings,
    Money systemPrice,
    BigDecimal paybackMonths,
    String paymentId,
    String paidByEvent,
    Instant paidAt) {

  /**
   * A new quote.
   *
   * @param id the id
   * @param customerName the customer
   * @param tariff the tariff
   * @param q the computed quote
   * @param fioBPerMwh the Fio B used
   * @param fioBApproximated whether it was approximated
   * @return the document, QUOTED
   */
  public static QuoteDocument quoted(
      String id, String customerName, TariffSnapshot tariff, SolarQuote q, BigDecimal fioBPerMwh, boolean fioBApproximated) {
    return new QuoteDocument(id, "QUOTED", Instant.now(), customerName, tariff, q.input().monthlyConsumptionKwh(),
        q.input().peakSunHours(), q.input().connection().name(), q.systemKwp(), q.monthlyGenerationKwh(), q.compensatedKwh(),
        fioBPerMwh, fioBApproximated, q.input().fioBShare(), q.billBefore(), q.billAfter(), q.fioBCharge(),
        q.monthlySavings(), q.input().systemPrice(), q.paybackMonths().orElse(null), null, null, null);
  }

  /**
   * This quote, charged.
   *
   * @param paymentId the Asaas payment
   * @return a CHARGED copy
   */
  public QuoteDocument charged(String paymentId) {
    return new QuoteDocument(id, "CHARGED", createdAt, customerName, tariff, monthlyConsumptionKwh, peakSunHours, connection,
        systemKwp, monthlyGenerationKwh, compensatedKwh, fioBPerMwh, fioBApproximated, fioBShare, billBefore, billAfter,
        fioBCharge, monthlySavings, systemPrice, paybackMonths, paymentId, null, null);
  }

  /**
   * This quote, paid.
   *
   * @param eventId the webhook event (or "reconciliation")
   * @return a PAID copy
   */
  public QuoteDocument paid(String eventId) {
    return new QuoteDocument(id, "PAID", createdAt, customerName, tariff, monthlyConsumptionKwh, peakSunHours, connection,
        systemKwp, monthlyGenerationKwh, compensatedKwh, fioBPerMwh, fioBApproximated, fioBShare, billBefore, billAfter,
        fioBCharge, monthlySavings, systemPrice, paybackMonths, paymentId, eventId, Instant.now());
  }

  /**
   * The object key of a quote.
   *
   * @param id the quote id
   * @return {@code quotes/<id>.json}
   */
  public static String key(String id) {
    return "quotes/" + id + ".json";
  }
}
