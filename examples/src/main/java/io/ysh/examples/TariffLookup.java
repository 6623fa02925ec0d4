package io.ysh.examples;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.ComponentFilter;
import io.ysh.aneel.FioBCharge;
import io.ysh.aneel.TariffComponent;
import io.ysh.aneel.EnergyPrice;
import io.ysh.aneel.EnergyPriceResult;
import io.ysh.aneel.FlagNotPublished;
import io.ysh.aneel.NoTariffInForce;
import io.ysh.aneel.PostPrice;
import io.ysh.aneel.TariffCalculator;
import io.ysh.aneel.TariffFlagActivation;
import io.ysh.aneel.TariffQuery;
import io.ysh.aneel.TariffRecord;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.aneel.AneelSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Prices the B1 residential tariff of a distributor on a day from ANEEL's open data: downloads
 * the tariffs, the flag activations and the B1 TUSD Fio B tariff components with
 * {@link AneelClient}, resolves them with {@link TariffCalculator}. Each call downloads again;
 * put a cache in front of it.
 */
public final class TariffLookup {

  private static final String RESOURCES = "/io/ysh/examples/aneel/";

  private final AneelClient aneel;
  private final AtomicInteger loads = new AtomicInteger();

  /**
   * A lookup against a portal.
   *
   * @param aneel the client
   */
  public TariffLookup(AneelClient aneel) {
    this.aneel = Objects.requireNonNull(aneel, "aneel");
  }

  /**
   * Starts an ANEEL simulator serving the real extracts bundled with the examples: the B1 rows of
   * a sample of the tariffs dataset (CEMIG-D, RGE, CEA, CERNHE, Ceraçá…), and the flag
   * activations 2015-01..2026-09 and surcharges; and, as the tariff components of 2026, a
   * SYNTHETIC sample in the real layout (see the resources' SOURCES.txt).
   *
   * @return the running simulator; close it
   */
  public static AneelSimulator startSimulator() {
    try {
      return AneelSimulator.builder()
        .resource(AneelDataset.TARIFFS.packageId(), AneelDataset.TARIFFS.resourceId(),
            "tarifas-distribuidoras-energia-eletrica.csv", resource("tarifas-b1.csv"))
        .resource(AneelDataset.FLAG_ACTIVATIONS.packageId(), AneelDataset.FLAG_ACTIVATIONS.resourceId(),
            "bandeira-tarifaria-acionamento.csv", resource("bandeira-tarifaria-acionamento.csv"))
        .resource(AneelDataset.FLAG_SURCHARGES.packageId(), AneelDataset.FLAG_SURCHARGES.resourceId(),
            "bandeira-tarifaria-adicional.csv", resource("bandeira-tarifaria-adicional.csv"))
        .tariffComponents(2026, resource("componentes-tarifarias-2026_SYNTHETIC.csv"), null)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the ANEEL simulator", e);
    }
  }

  /**
   * Downloads the datasets and prices the B1 residential (Convencional) tariff, with the flag of
   * the month.
   *
   * @param distributor an acronym or CNPJ
   * @param date the day
   * @return the price
   * @throws YshException {@code NOT_FOUND} when no tariff is in force or the month's flag is not
   *     published yet (the message says which)
   */
  public TariffSnapshot b1Residential(String distributor, LocalDate date) {
    loads.incrementAndGet();
    TariffCalculator.Builder builder = TariffCalculator.builder();
    try (Stream<TariffRecord> tariffs = aneel.download(AneelDataset.TARIFFS);
        Stream<TariffFlagActivation> flags = aneel.download(AneelDataset.FLAG_ACTIVATIONS)) {
      builder.tariffs(tariffs).flagActivations(flags);
    }
    ComponentFilter fioB = ComponentFilter.builder().subgroups("B1").components(TariffComponent.TUSD_FIO_B).validOn(date).build();
    try (Stream<TariffComponent> components = aneel.tariffComponents(fioB)) {
      builder.components(components);
    } catch (YshException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
      // the portal does not publish that year's components: the price says Fio B is unavailable
    }
    TariffCalculator calc = builder.build();
    EnergyPriceResult r =
        calc.price(TariffQuery.builder(distributor, "B1", date).consumerClass("Residencial", "Residencial").build());
    if (r instanceof NoTariffInForce n) {
      throw YshException.of(ErrorCode.NOT_FOUND, n.message());
    }
    if (r instanceof FlagNotPublished f) {
      throw YshException.of(ErrorCode.NOT_FOUND,
          "the tariff flag of " + f.month() + " is not published yet; pick an earlier date");
    }
    EnergyPrice p = (EnergyPrice) r;
    PostPrice single = p.single();
    TariffRecord row = single.source();
    TariffFlagActivation flag = p.appliedFlag().orElse(null);
    return new TariffSnapshot(
        p.distributorAcronym(),
        p.distributorCnpj(),
        date,
        row.resolution(),
        row.tusd(),
        row.te(),
        flag == null ? "none" : flag.flag().label(),
        flag == null ? BigDecimal.ZERO : flag.surchargePerMwh(),
        single.totalPerKwh(),
        single.fioBPriced().map(f -> f.component().value()).orElse(null),
        single.fioB() instanceof FioBCharge.Priced f
            ? f.component().resolution() + ", in force " + f.component().validFrom() + ".." + f.component().validTo()
            : ((FioBCharge.Unavailable) single.fioB()).message());
  }

  /**
   * How many times {@link #b1Residential} ran (downloaded).
   *
   * @return the count
   */
  public int loads() {
    return loads.get();
  }

  private static byte[] resource(String name) {
    try (InputStream in = TariffLookup.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "TariffLookup[" + aneel.baseUrl() + "]";
  }
}
