package io.ysh.examples;

import io.ysh.aneel.ConnectionType;
import io.ysh.core.br.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the quick-start demo finds its providers, and the customer it quotes. Every provider is
 * a URL, so the same program runs on embedded defaults or against real servers.
 *
 * @param storageUrl where quotes are stored ({@code file://<temp>/objects} by default)
 * @param cacheUrl the cache for tariffs and webhook dedupe ({@code mem://?namespace=ysh-demo})
 * @param secretsUrl where the Asaas API key lives ({@code file://<temp>/secrets}, seeded by the demo)
 * @param topicUrl where quote events are published ({@code mem://ysh-demo-quote-events})
 * @param subscriptionUrl where they are consumed (the same queue by default)
 * @param asaasUrl the Asaas API base URL; empty: an in-process {@code AsaasSimulator}
 * @param aneelUrl the ANEEL portal base URL; empty: an in-process {@code AneelSimulator} serving
 *     the bundled real extracts
 * @param distributor the distributor's acronym or CNPJ, such as {@code CEMIG-D}
 * @param tariffDate the date the tariff and flag are priced on (one with a published flag)
 * @param quoteYear the billing year for the Lei 14.300 Fio B share (the current year by default)
 * @param monthlyConsumptionKwh the customer's monthly consumption
 * @param peakSunHours the site's irradiation, peak sun hours per day
 * @param connection the customer's grid connection
 * @param systemPrice the installed system's price, charged through Asaas
 * @param fioBPerMwh an override of the distributor's TUSD Fio B in R$/MWh; empty: the
 *     {@code TUSD_FioB} of ANEEL's componentes-tarifarias when published, else approximated as
 *     {@link #FIO_B_SHARE_OF_TUSD} of the B1 TUSD (and said so)
 */
public record DemoConfig(
    String storageUrl,
    String cacheUrl,
    String secretsUrl,
    String topicUrl,
    String subscriptionUrl,
    Optional<String> asaasUrl,
    Optional<String> aneelUrl,
    String distributor,
    LocalDate tariffDate,
    int quoteYear,
    BigDecimal monthlyConsumptionKwh,
    BigDecimal peakSunHours,
    ConnectionType connection,
    Money systemPrice,
    Optional<BigDecimal> fioBPerMwh) {

  /**
   * The demo's Fio B approximation when ANEEL's components have no {@code TUSD_FioB} for the
   * distributor and none is given: this share of the
   * B1 TUSD. An assumption of this demo (Fio B, the distribution wires, is the larger part of the
   * TUSD of most distributors), not an ANEEL figure: give the real value for a real quote.
   */
  public static final BigDecimal FIO_B_SHARE_OF_TUSD = new BigDecimal("0.45");

  /** The last month with a published tariff flag in the bundled extract is 2026-09. */
  public static final LocalDate DEFAULT_TARIFF_DATE = LocalDate.of(2026, 9, 15);

  /**
   * Checks that nothing is null.
   *
   * @param storageUrl see the record
   * @param cacheUrl see the record
   * @param secretsUrl see the record
   * @param topicUrl see the record
   * @param subscriptionUrl see the record
   * @param asaasUrl see the record
   * @param aneelUrl see the record
   * @param distributor see the record
   * @param tariffDate see the record
   * @param quoteYear see the record
   * @param monthlyConsumptionKwh see the record
   * @param peakSunHours see the record
   * @param connection see the record
   * @param systemPrice see the record
   * @param fioBPerMwh see the record
   */
  public DemoConfig {
    Objects.requireNonNull(storageUrl, "storageUrl");
    Objects.requireNonNull(cacheUrl, "cacheUrl");
    Objects.requireNonNull(secretsUrl, "secretsUrl");
    Objects.requireNonNull(topicUrl, "topicUrl");
    Objects.requireNonNull(subscriptionUrl, "subscriptionUrl");
    Objects.requireNonNull(asaasUrl, "asaasUrl");
    Objects.requireNonNull(aneelUrl, "aneelUrl");
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(tariffDate, "tariffDate");
    Objects.requireNonNull(monthlyConsumptionKwh, "monthlyConsumptionKwh");
    Objects.requireNonNull(peakSunHours, "peakSunHours");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(systemPrice, "systemPrice");
    Objects.requireNonNull(fioBPerMwh, "fioBPerMwh");
  }

  /**
   * The embedded defaults: everything in this JVM or under a new temporary directory.
   *
   * @return the configuration
   */
  public static DemoConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * The defaults, overridden by {@code YSH_STORAGE_URL}, {@code YSH_CACHE_URL},
   * {@code YSH_SECRETS_URL}, {@code YSH_TOPIC_URL}, {@code YSH_SUBSCRIPTION_URL},
   * {@code YSH_ASAAS_URL}, {@code YSH_ANEEL_URL} and {@code YSH_FIOB_RS_MWH} where set.
   *
   * @param env the environment, such as {@link System#getenv()}
   * @return the configuration
   */
  public static DemoConfig fromEnvironment(Map<String, String> env) {
    Path temp;
    try {
      temp = Files.createTempDirectory("ysh-demo-");
      // the file:// secret store wants an existing directory (a Kubernetes secret volume would be)
      Files.createDirectories(temp.resolve("secrets"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String queue = "mem://ysh-demo-quote-events";
    String topic = env.getOrDefault("YSH_TOPIC_URL", queue);
    return new DemoConfig(
        env.getOrDefault("YSH_STORAGE_URL", temp.resolve("objects").toUri().toString()),
        env.getOrDefault("YSH_CACHE_URL", "mem://?namespace=ysh-demo"),
        env.getOrDefault("YSH_SECRETS_URL", temp.resolve("secrets").toUri().toString()),
        topic,
        env.getOrDefault("YSH_SUBSCRIPTION_URL", topic),
        Optional.ofNullable(blankToNull(env.get("YSH_ASAAS_URL"))),
        Optional.ofNullable(blankToNull(env.get("YSH_ANEEL_URL"))),
        "CEMIG-D",
        DEFAULT_TARIFF_DATE,
        LocalDate.now(ZoneId.of("America/Sao_Paulo")).getYear(),
        new BigDecimal("500"),
        new BigDecimal("5.0"),
        ConnectionType.TWO_PHASE,
        Money.of("14990.00"),
        Optional.ofNullable(blankToNull(env.get("YSH_FIOB_RS_MWH"))).map(BigDecimal::new));
  }

  /**
   * A copy with other provider URLs.
   *
   * @param storage the storage URL
   * @param cache the cache URL
   * @param topic the topic URL
   * @param subscription the subscription URL
   * @return the copy
   */
  public DemoConfig withProviders(String storage, String cache, String topic, String subscription) {
    return new DemoConfig(storage, cache, secretsUrl, topic, subscription, asaasUrl, aneelUrl, distributor, tariffDate,
        quoteYear, monthlyConsumptionKwh, peakSunHours, connection, systemPrice, fioBPerMwh);
  }

  /**
   * A copy with another billing year for the Fio B share.
   *
   * @param year the year
   * @return the copy
   */
  public DemoConfig withQuoteYear(int year) {
    return new DemoConfig(storageUrl, cacheUrl, secretsUrl, topicUrl, subscriptionUrl, asaasUrl, aneelUrl, distributor,
        tariffDate, year, monthlyConsumptionKwh, peakSunHours, connection, systemPrice, fioBPerMwh);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
