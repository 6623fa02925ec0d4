package io.ysh.spring.autoconfigure;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.TariffCalculator;
import io.ysh.aneel.TariffFlagActivation;
import io.ysh.aneel.TariffRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TariffCalculator} kept fresh: {@link #current()} downloads ANEEL's tariff and flag
 * tables on first use and again once the calculator is older than the refresh interval. A
 * {@link TariffCalculator} is immutable, so callers ask for {@link #current()} each time rather
 * than keep one.
 *
 * <p>A refresh runs on the calling thread, one at a time (other callers keep the calculator they
 * would have had). When a refresh fails and a calculator was loaded before, that calculator keeps
 * serving and the next call tries again; the very first load's failure is thrown. Thread-safe.
 */
public final class YshTariffs {

  private static final Logger LOG = LoggerFactory.getLogger(YshTariffs.class);

  private final AneelClient aneel;
  private final Duration refreshInterval;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile TariffCalculator calculator;
  private volatile Instant loadedAt;
  private volatile int loads;

  /**
   * Creates the holder; nothing is downloaded until {@link #current()}.
   *
   * @param aneel the client
   * @param refreshInterval how long a calculator serves, positive
   * @param clock the clock
   */
  public YshTariffs(AneelClient aneel, Duration refreshInterval, Clock clock) {
    this.aneel = Objects.requireNonNull(aneel, "aneel");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refreshInterval must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The calculator over the latest tables, loading or refreshing them when due.
   *
   * @return the calculator
   * @throws io.ysh.core.YshException when the first load fails
   */
  public TariffCalculator current() {
    TariffCalculator c = calculator;
    if (c != null && !due()) {
      return c;
    }
    synchronized (lock) {
      if (calculator != null && !due()) {
        return calculator;
      }
      try {
        TariffCalculator fresh = load();
        calculator = fresh;
        loadedAt = clock.instant();
        loads++;
        return fresh;
      } catch (RuntimeException e) {
        if (calculator == null) {
          throw e;
        }
        LOG.warn("refreshing the ANEEL tariff tables failed; the tables loaded at {} keep serving: {}", loadedAt, e.toString());
        return calculator;
      }
    }
  }

  /**
   * How many times the tables were loaded successfully.
   *
   * @return the count
   */
  public int loadCount() {
    return loads;
  }

  private boolean due() {
    Instant at = loadedAt;
    return at == null || !clock.instant().isBefore(at.plus(refreshInterval));
  }

  private TariffCalculator load() {
    TariffCalculator.Builder b = TariffCalculator.builder();
    try (Stream<TariffRecord> tariffs = aneel.download(AneelDataset.TARIFFS);
        Stream<TariffFlagActivation> flags = aneel.download(AneelDataset.FLAG_ACTIVATIONS)) {
      b.tariffs(tariffs).flagActivations(flags);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "YshTariffs[refresh every " + refreshInterval + ", loaded " + (loadedAt == null ? "never" : loadedAt) + "]";
  }
}
