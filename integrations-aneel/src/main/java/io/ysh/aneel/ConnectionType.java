package io.ysh.aneel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a low-voltage unit is connected, which sets the minimum energy billed each month (custo
 * de disponibilidade, REN 1.000/2021): 30, 50 or 100 kWh. A solar customer who generates all
 * their consumption still pays for this minimum.
 */
public enum ConnectionType {
  /** Monofásico: 30 kWh. */
  SINGLE_PHASE(30),
  /** Bifásico: 50 kWh. */
  TWO_PHASE(50),
  /** Trifásico: 100 kWh. */
  THREE_PHASE(100);

  private final BigDecimal minimumKwh;

  ConnectionType(int minimumKwh) {
    this.minimumKwh = BigDecimal.valueOf(minimumKwh);
  }

  /**
   * The minimum energy billed per month.
   *
   * @return kWh
   */
  public BigDecimal minimumKwh() {
    return minimumKwh;
  }

  /**
   * The energy billed for a month's net consumption: never below the minimum.
   *
   * @param netKwh consumption after compensation, kWh (negative is treated as zero)
   * @return {@code max(netKwh, minimumKwh())}
   */
  public BigDecimal billableKwh(BigDecimal netKwh) {
    Objects.requireNonNull(netKwh, "netKwh");
    return netKwh.compareTo(minimumKwh) < 0 ? minimumKwh : netKwh;
  }
}
