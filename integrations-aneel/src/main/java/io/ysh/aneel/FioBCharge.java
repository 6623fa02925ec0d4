package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The Lei 14.300 charge on compensated energy for one tariff post: the share of the
 * distributor's own TUSD Fio B that a distributed-generation unit pays on the energy it
 * compensates, or why it cannot be priced without guessing. Part of every {@link PostPrice}.
 */
public sealed interface FioBCharge permits FioBCharge.Priced, FioBCharge.Unavailable {

  /**
   * The charge, from the distributor's {@value TariffComponent#TUSD_FIO_B} row.
   *
   * @param component the tariff-component row used (after overlap resolution)
   * @param accessRequested the day the unit requested grid access (decides the rule that applies)
   * @param share the share of Fio B paid in the query's year ({@link Lei14300#fioBShare})
   * @param fioBPerKwh the Fio B itself, {@code value / 1000}, R$/kWh
   * @param chargePerKwh {@code share × Fio B}, R$/kWh per compensated kWh, 8 decimals
   */
  record Priced(TariffComponent component, LocalDate accessRequested, BigDecimal share, BigDecimal fioBPerKwh, BigDecimal chargePerKwh)
      implements FioBCharge {}

  /**
   * No charge can be given without guessing.
   *
   * @param reason why
   * @param message a sentence for people, naming the distributor and what is missing
   */
  record Unavailable(Reason reason, String message) implements FioBCharge {}

  /** Why the charge is unavailable. */
  enum Reason {
    /** No tariff components were loaded into the calculator (only tariffs). */
    NO_COMPONENTS_LOADED,
    /** Components are loaded, but none is the distributor's Fio B for this combination and date. */
    NO_COMPONENT_FOR_QUERY,
    /** The law leaves the share to ANEEL's regulation for that year (from 2029; after 2045 for grandfathered units). */
    SHARE_NOT_FIXED_BY_LAW
  }
}
