package io.ysh.aneel;

import io.ysh.core.br.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The energy price of one tariff post, in R$/kWh.
 *
 * @param post the post: "Não se aplica" for single-rate modalities, or Ponta, Intermediário,
 *     Fora ponta
 * @param source the tariff row used (after overlap resolution)
 * @param energyPerKwh {@code (TUSD + TE) / 1000}, exact
 * @param flagPerKwh the flag surcharge {@code / 1000}, exact; zero without a flag
 * @param totalPerKwh {@code energyPerKwh + flagPerKwh}, before taxes
 * @param grossPerKwh {@code totalPerKwh} grossed up with the query's taxes, or null without taxes
 * @param fioB the Lei 14.300 charge per compensated kWh from the distributor's own TUSD Fio B
 *     for this post, or why it is unavailable (never null)
 */
public record PostPrice(
    String post,
    TariffRecord source,
    BigDecimal energyPerKwh,
    BigDecimal flagPerKwh,
    BigDecimal totalPerKwh,
    BigDecimal grossPerKwh,
    FioBCharge fioB) {

  /**
   * Checks that the Fio B answer is there.
   *
   * @param post see the record
   * @param source see the record
   * @param energyPerKwh see the record
   * @param flagPerKwh see the record
   * @param totalPerKwh see the record
   * @param grossPerKwh see the record
   * @param fioB see the record
   */
  public PostPrice {
    java.util.Objects.requireNonNull(fioB, "fioB");
  }

  /**
   * The Fio B charge per compensated kWh, when it could be priced.
   *
   * @return the charge, empty when {@link #fioB()} is {@link FioBCharge.Unavailable}
   */
  public java.util.Optional<FioBCharge.Priced> fioBPriced() {
    return fioB instanceof FioBCharge.Priced p ? java.util.Optional.of(p) : java.util.Optional.empty();
  }

  /**
   * The price billed per kWh: with taxes when taxes were given, else before taxes.
   *
   * @return R$/kWh
   */
  public BigDecimal billedPerKwh() {
    return grossPerKwh != null ? grossPerKwh : totalPerKwh;
  }

  /**
   * The cost of some energy at this price.
   *
   * @param kwh the energy
   * @return {@code billedPerKwh() × kwh}, rounded half up to centavos
   */
  public Money cost(BigDecimal kwh) {
    return Money.of(billedPerKwh().multiply(kwh), RoundingMode.HALF_UP);
  }

  /**
   * The minimum monthly charge (custo de disponibilidade) for a connection type.
   *
   * @param connection the connection type
   * @return {@code billedPerKwh() × minimum kWh}, rounded half up to centavos
   */
  public Money minimumCharge(ConnectionType connection) {
    return cost(connection.minimumKwh());
  }
}
