package io.ysh.aneel;

import java.time.LocalDate;
import java.util.Optional;

/**
 * No tariff row covers the date (or the row that does has no homologated values), so there is
 * no price to give. Usually publication lag: a period ended and the next is not published yet.
 *
 * @param query the query
 * @param distributorCnpj the distributor's CNPJ
 * @param reason why
 * @param lastCoveredDay the end of the latest period before the date, or null
 * @param nextPeriodStart the start of the earliest period after the date, or null
 */
public record NoTariffInForce(
    TariffQuery query, String distributorCnpj, Reason reason, LocalDate lastCoveredDay, LocalDate nextPeriodStart)
    implements EnergyPriceResult {

  /** Why no tariff is in force. */
  public enum Reason {
    /** The date is after the last published period: the next one is not published yet. */
    NOT_YET_PUBLISHED,
    /** The date falls between two published periods. */
    GAP,
    /** The date is before the first period the data has for this combination. */
    BEFORE_FIRST_PERIOD,
    /** The row covering the date has {@code ,00} in both TUSD and TE: not homologated. */
    NOT_HOMOLOGATED
  }

  /**
   * The end of the latest period before the date.
   *
   * @return the day, if any
   */
  public Optional<LocalDate> lastCovered() {
    return Optional.ofNullable(lastCoveredDay);
  }

  /**
   * A sentence for people.
   *
   * @return the explanation
   */
  public String message() {
    return switch (reason) {
      case NOT_YET_PUBLISHED -> "no tariff published yet for " + query.date() + " (the last period ended " + lastCoveredDay + ")";
      case GAP -> "no tariff covers " + query.date() + " (gap between " + lastCoveredDay + " and " + nextPeriodStart + ")";
      case BEFORE_FIRST_PERIOD -> "no tariff before " + nextPeriodStart + " for this combination";
      case NOT_HOMOLOGATED -> "the tariff covering " + query.date() + " has no homologated values (,00)";
    };
  }
}
