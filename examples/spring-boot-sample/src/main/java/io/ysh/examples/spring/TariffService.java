package io.ysh.examples.spring;

import io.ysh.aneel.EnergyPrice;
import io.ysh.aneel.EnergyPriceResult;
import io.ysh.aneel.FlagNotPublished;
import io.ysh.aneel.NoTariffInForce;
import io.ysh.aneel.TariffQuery;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.spring.autoconfigure.YshTariffs;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Prices the B1 residential tariff from ANEEL's open data ({@link YshTariffs}, the starter's
 * refreshed {@code TariffCalculator}). {@link #b1Residential} is {@code @Cacheable}: the Spring
 * cache {@code tariffs} is a namespace of the portable cache of {@code ysh.cache.url}, so on Redis
 * the entry lives under {@code <namespace>:tariffs:<distributor>:<date>} with the TTL of
 * {@code ysh.cache.spring.caches.tariffs.ttl}.
 */
@Service
public class TariffService {

  private final YshTariffs tariffs;
  private final AtomicInteger computed = new AtomicInteger();

  /**
   * Created by Spring.
   *
   * @param tariffs the starter's tariff tables
   */
  public TariffService(YshTariffs tariffs) {
    this.tariffs = tariffs;
  }

  /**
   * The B1 residential (Convencional) price, with the month's flag.
   *
   * @param distributor an acronym or CNPJ
   * @param date the day
   * @return the price
   * @throws YshException {@code NOT_FOUND} when no tariff is in force that day or the month's flag
   *     is not published yet; {@code INVALID_ARGUMENT} naming the argument when one is missing
   */
  @Cacheable(cacheNames = "tariffs", key = "#distributor + ':' + #date")
  public Tariff b1Residential(String distributor, LocalDate date) {
    if (distributor == null || distributor.isBlank()) {
      throw YshException.invalidArgument("distributor is required");
    }
    if (date == null) {
      throw YshException.invalidArgument("date is required");
    }
    computed.incrementAndGet();
    EnergyPriceResult r = tariffs.current()
        .price(TariffQuery.builder(distributor, "B1", date).consumerClass("Residencial", "Residencial").build());
    if (r instanceof NoTariffInForce n) {
      throw YshException.of(ErrorCode.NOT_FOUND, n.message());
    }
    if (r instanceof FlagNotPublished f) {
      throw YshException.of(ErrorCode.NOT_FOUND, "the tariff flag of " + f.month() + " is not published yet");
    }
    EnergyPrice p = (EnergyPrice) r;
    return new Tariff(p.distributorAcronym(), p.distributorCnpj(), date,
        p.appliedFlag().map(a -> a.flag().label()).orElse("none"), p.single().totalPerKwh());
  }

  /**
   * How many times a price was computed (that is, the cache missed).
   *
   * @return the count
   */
  public int computed() {
    return computed.get();
  }
}
