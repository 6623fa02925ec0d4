package io.ysh.aneel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Lei 14.300/2022 (the distributed-generation law): the share of the TUSD "Fio B" component
 * that energy compensated by a distributed-generation unit pays.
 *
 * <p>Units whose access was requested up to 2023-01-07 keep the old rule (no Fio B) until the
 * end of 2045. Later ones pay a growing share: 15% in 2023, 30% in 2024, 45% in 2025, 60% in
 * 2026, 75% in 2027, 90% in 2028. From 2029 the law hands the rule to ANEEL's tariff regulation,
 * so this class answers "unknown" (empty) rather than guess; likewise after 2045 for
 * grandfathered units. The Fio B value itself (R$/MWh, per distributor) is {@code TUSD_FioB} in
 * ANEEL's {@code componentes-tarifarias} dataset, which the caller supplies.
 */
public final class Lei14300 {

  /** The last day of access requests that keep the pre-law rule. */
  public static final LocalDate GRANDFATHERED_UNTIL = LocalDate.of(2023, 1, 7);

  private static final String[] SHARES = {"0.15", "0.30", "0.45", "0.60", "0.75", "0.90"};

  private Lei14300() {}

  /**
   * The Fio B share paid on compensated energy in a year.
   *
   * @param accessRequested when the unit requested access to the grid
   * @param year the billing year
   * @return the share as a fraction ({@code 0.60} in 2026), or empty when the law does not fix it
   */
  public static Optional<BigDecimal> fioBShare(LocalDate accessRequested, int year) {
    Objects.requireNonNull(accessRequested, "accessRequested");
    if (!accessRequested.isAfter(GRANDFATHERED_UNTIL)) {
      return year <= 2045 ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }
    if (year < 2023) {
      return Optional.of(BigDecimal.ZERO);
    }
    if (year > 2028) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(SHARES[year - 2023]));
  }

  /**
   * The Fio B charge on compensated energy, in R$/kWh.
   *
   * @param share the share from {@link #fioBShare}
   * @param fioBPerMwh the distributor's TUSD Fio B, R$/MWh
   * @return {@code share × fioB / 1000}, 8 decimals, half up
   */
  public static BigDecimal fioBChargePerKwh(BigDecimal share, BigDecimal fioBPerMwh) {
    return share.multiply(fioBPerMwh).movePointLeft(3).setScale(8, RoundingMode.HALF_UP);
  }
}
