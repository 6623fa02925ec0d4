package io.ysh.aneel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The effective energy price, in R$/kWh, of a distributor, subgroup, modality, class and
 * subclass on a date, from ANEEL's tariff and flag tables.
 *
 * <p><b>Rules.</b>
 *
 * <ol>
 *   <li>The distributor is a CNPJ (the identity: acronyms change, RGE SUL became RGE) or its
 *       <em>current</em> acronym, the one on its latest row. A former acronym is refused with a
 *       message naming the current one.
 *   <li>Only "Tarifa de Aplicação" rows in MWh count (kW rows are demand, never energy); detail
 *       and post are "Não se aplica" unless the query asks (Branca, Azul and Verde have one row
 *       per post and are priced per post).
 *   <li>Periods overlap and natural keys repeat. Among the rows covering the date, per post, the
 *       latest start wins; on equal starts, the later resolution (higher REH number); then the
 *       shorter period (the more specific row: ANEEL splits a year at 31 December with the
 *       full-year row left in place).
 *   <li>Price = (TUSD + TE) / 1000 + flag / 1000, where the flag is the month's activation
 *       (R$/MWh). Before 2015 there were no flags.
 *   <li>Taxes, when given, gross up "por dentro": T / ((1 − PIS − COFINS) × (1 − ICMS)).
 * </ol>
 *
 * <p>When no row covers the date the answer is {@link NoTariffInForce}; when the month's flag is
 * not published it is {@link FlagNotPublished}. It never guesses. Bad input (an unknown
 * distributor, subgroup or modality, a date before 2010) throws {@link AneelException} naming it.
 *
 * <p>Immutable and thread-safe once built; it keeps only MWh "Tarifa de Aplicação" rows in
 * memory.
 */
public final class TariffCalculator {

  /** Tariff data starts in 2010. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2010, 1, 1);

  /** Flags started in January 2015. */
  public static final YearMonth FIRST_FLAG_MONTH = YearMonth.of(2015, 1);

  private static final Pattern REH_NUMBER = Pattern.compile("N[º°o.]*\\s*([0-9][0-9.]*)", Pattern.CASE_INSENSITIVE);

  private static final Comparator<TariffRecord> PRECEDENCE =
      Comparator.comparing(TariffRecord::validFrom)
          .thenComparingLong(r -> resolutionNumber(r.resolution()))
          .thenComparing(TariffRecord::validTo, Comparator.reverseOrder());

  private final Map<String, List<TariffRecord>> byCnpj;
  private final Map<String, String> currentAcronym;
  private final Map<String, Set<String>> acronymToCnpjs;
  private final Map<String, String> subgroups;
  private final Map<String, String> modalities;
  private final TreeMap<YearMonth, TariffFlagActivation> flags;
  private final Map<TariffFlag, TreeMap<LocalDate, TariffFlagSurcharge>> surcharges;

  private TariffCalculator(Builder b) {
    this.byCnpj = b.byCnpj;
    this.subgroups = b.subgroups;
    this.modalities = b.modalities;
    this.flags = b.flags;
    this.surcharges = b.surcharges;
    Map<String, String> current = new HashMap<>();
    b.latest.forEach((cnpj, row) -> current.put(cnpj, row.distributorAcronym()));
    this.currentAcronym = current;
    this.acronymToCnpjs = b.acronyms;
  }

  /**
   * Starts loading tables.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Prices a query.
   *
   * @param query the query
   * @return the price, or {@link NoTariffInForce}, or {@link FlagNotPublished}
   * @throws AneelException {@code UNKNOWN_DISTRIBUTOR}, {@code DATE_OUT_OF_RANGE},
   *     {@code UNKNOWN_SUBGROUP}, {@code UNKNOWN_MODALITY} or {@code NO_MATCHING_TARIFF}, each
   *     naming the value at fault
   */
  public EnergyPriceResult price(TariffQuery query) {
    Objects.requireNonNull(query, "query");
    if (query.date().isBefore(EARLIEST_DATE)) {
      throw AneelException.of(
          AneelException.Problem.DATE_OUT_OF_RANGE, "date " + query.date() + " is before " + EARLIEST_DATE + ", where ANEEL's tariff data starts");
    }
    String cnpj = resolveCnpj(query.distributor());
    String subgroup = Texts.subgroup(query.subgroup());
    if (!subgroups.containsKey(subgroup)) {
      throw AneelException.of(
          AneelException.Problem.UNKNOWN_SUBGROUP, "unknown subgroup \"" + query.subgroup() + "\" (known: " + new TreeSet<>(subgroups.keySet()) + ")");
    }
    String modality = Texts.key(query.modality());
    if (!modalities.containsKey(modality)) {
      throw AneelException.of(
          AneelException.Problem.UNKNOWN_MODALITY,
          "unknown modality \"" + query.modality() + "\" (known: " + new TreeSet<>(modalities.values()) + ")");
    }
    String cls = Texts.key(query.consumerClass());
    String sub = Texts.key(query.subclass());
    String detail = Texts.key(query.detail());
    List<TariffRecord> matching = new ArrayList<>();
    for (TariffRecord r : byCnpj.getOrDefault(cnpj, List.of())) {
      if (r.subgroup().equals(subgroup)
          && Texts.key(r.modality()).equals(modality)
          && Texts.key(r.consumerClass()).equals(cls)
          && Texts.key(r.subclass()).equals(sub)
          && Texts.key(r.detail()).equals(detail)) {
        matching.add(r);
      }
    }
    String na = Texts.key(TariffRecord.NOT_APPLICABLE);
    if (query.post() != null) {
      String post = Texts.key(query.post());
      matching.removeIf(r -> !Texts.key(r.post()).equals(post));
    } else if (matching.stream().anyMatch(r -> Texts.key(r.post()).equals(na))) {
      matching.removeIf(r -> !Texts.key(r.post()).equals(na));
    }
    if (matching.isEmpty()) {
      throw AneelException.of(
          AneelException.Problem.NO_MATCHING_TARIFF,
          "CNPJ "
              + cnpj
              + " has no MWh \"Tarifa de Aplicação\" row for subgroup "
              + subgroup
              + ", modality "
              + query.modality()
              + ", class "
              + query.consumerClass()
              + ", subclass "
              + query.subclass()
              + ", detail "
              + query.detail()
              + (query.post() == null ? "" : ", post " + query.post())
              + "; combinations it has for "
              + subgroup
              + ": "
              + combinations(cnpj, subgroup));
    }
    Map<String, TariffRecord> chosen = new LinkedHashMap<>();
    LocalDate lastEnd = null;
    LocalDate nextStart = null;
    for (TariffRecord r : matching) {
      if (r.covers(query.date())) {
        chosen.merge(Texts.key(r.post()), r, (a, c) -> PRECEDENCE.compare(a, c) >= 0 ? a : c);
      } else if (r.validTo().isBefore(query.date())) {
        lastEnd = lastEnd == null || r.validTo().isAfter(lastEnd) ? r.validTo() : lastEnd;
      } else {
        nextStart = nextStart == null || r.validFrom().isBefore(nextStart) ? r.validFrom() : nextStart;
      }
    }
    if (chosen.isEmpty()) {
      NoTariffInForce.Reason reason =
          lastEnd == null
              ? NoTariffInForce.Reason.BEFORE_FIRST_PERIOD
              : nextStart == null ? NoTariffInForce.Reason.NOT_YET_PUBLISHED : NoTariffInForce.Reason.GAP;
      return new NoTariffInForce(query, cnpj, reason, lastEnd, nextStart);
    }
    for (TariffRecord r : chosen.values()) {
      if (!r.isHomologated()) {
        return new NoTariffInForce(query, cnpj, NoTariffInForce.Reason.NOT_HOMOLOGATED, lastEnd, nextStart);
      }
    }
    List<PostPrice> posts = new ArrayList<>();
    chosen.values().stream()
        .sorted(Comparator.comparing(r -> postOrder(r.post())))
        .forEach(
            r -> {
              BigDecimal energy = r.tusd().add(r.te()).movePointLeft(3);
              posts.add(new PostPrice(r.post(), r, energy, BigDecimal.ZERO, energy, query.taxes() == null ? null : query.taxes().grossUp(energy)));
            });
    EnergyPrice base = new EnergyPrice(query, cnpj, currentAcronym.get(cnpj), posts, null);
    if (!query.includeFlag()) {
      return base;
    }
    YearMonth month = YearMonth.from(query.date());
    if (month.isBefore(FIRST_FLAG_MONTH)) {
      return base;
    }
    TariffFlagActivation flag = flags.get(month);
    if (flag == null) {
      Map.Entry<YearMonth, TariffFlagActivation> prev = flags.lowerEntry(month);
      return new FlagNotPublished(query, month, base, prev == null ? null : prev.getValue());
    }
    return base.withFlag(flag);
  }

  /**
   * The flag activated for a month.
   *
   * @param month the month
   * @return the activation, if published
   */
  public Optional<TariffFlagActivation> flag(YearMonth month) {
    return Optional.ofNullable(flags.get(month));
  }

  /**
   * The surcharge a flag carried on a date, from the surcharge table (for scenarios such as
   * "what if next month is Vermelha P2": build a {@link TariffFlagActivation} from it and apply
   * it with {@link EnergyPrice#withFlag}).
   *
   * @param flag the flag
   * @param date the date
   * @return the resolution in force (latest start on or before the date), if the table has one
   */
  public Optional<TariffFlagSurcharge> surcharge(TariffFlag flag, LocalDate date) {
    TreeMap<LocalDate, TariffFlagSurcharge> byDate = surcharges.get(flag);
    if (byDate == null) {
      return Optional.empty();
    }
    Map.Entry<LocalDate, TariffFlagSurcharge> e = byDate.floorEntry(date);
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  /**
   * Resolves a distributor to its CNPJ.
   *
   * @param cnpjOrAcronym a CNPJ (bare or formatted) or a current acronym, any case
   * @return the 14-character CNPJ
   * @throws AneelException {@code UNKNOWN_DISTRIBUTOR} when no loaded tariff has it, naming the
   *     current acronym when a former one was given
   */
  public String resolveCnpj(String cnpjOrAcronym) {
    Objects.requireNonNull(cnpjOrAcronym, "cnpjOrAcronym");
    String s = cnpjOrAcronym.strip();
    if (io.ysh.core.br.Cnpj.isValid(s) || (s.matches("[0-9./\\-]+") && s.replaceAll("[^0-9]", "").length() >= 8)) {
      String cnpj = io.ysh.core.br.Cnpj.isValid(s) ? io.ysh.core.br.Cnpj.parse(s).value() : Texts.cnpj(s);
      if (!byCnpj.containsKey(cnpj)) {
        throw AneelException.of(AneelException.Problem.UNKNOWN_DISTRIBUTOR, "no tariffs for CNPJ " + cnpj + " in the data loaded");
      }
      return cnpj;
    }
    String key = Texts.key(s);
    List<String> current = new ArrayList<>();
    for (Map.Entry<String, String> e : currentAcronym.entrySet()) {
      if (Texts.key(e.getValue()).equals(key)) {
        current.add(e.getKey());
      }
    }
    if (current.size() == 1) {
      return current.get(0);
    }
    if (current.size() > 1) {
      throw AneelException.of(
          AneelException.Problem.UNKNOWN_DISTRIBUTOR, "acronym \"" + s + "\" is current for several CNPJs " + current + ": use the CNPJ");
    }
    Set<String> former = acronymToCnpjs.get(key);
    if (former != null && !former.isEmpty()) {
      StringBuilder sb = new StringBuilder("\"" + s + "\" is a former acronym of ");
      for (String cnpj : former) {
        sb.append("CNPJ ").append(cnpj).append(" (now \"").append(currentAcronym.get(cnpj)).append("\") ");
      }
      sb.append("- use the CNPJ or the current acronym");
      throw AneelException.of(AneelException.Problem.UNKNOWN_DISTRIBUTOR, sb.toString());
    }
    throw AneelException.of(AneelException.Problem.UNKNOWN_DISTRIBUTOR, "no distributor with acronym \"" + s + "\" in the data loaded");
  }

  private String combinations(String cnpj, String subgroup) {
    Set<String> out = new TreeSet<>();
    for (TariffRecord r : byCnpj.getOrDefault(cnpj, List.of())) {
      if (r.subgroup().equals(subgroup)) {
        out.add(r.modality() + "/" + r.consumerClass() + "/" + r.subclass() + "/" + r.detail() + "/" + r.post());
      }
    }
    return out.isEmpty() ? "none" : out.toString();
  }

  private static int postOrder(String post) {
    String k = Texts.key(post);
    return switch (k) {
      case "ponta" -> 0;
      case "intermediario" -> 1;
      case "fora ponta" -> 2;
      default -> 3;
    };
  }

  static long resolutionNumber(String resolution) {
    if (resolution == null) {
      return 0;
    }
    Matcher m = REH_NUMBER.matcher(resolution);
    if (m.find()) {
      String digits = m.group(1).replace(".", "");
      try {
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Loads tables into a {@link TariffCalculator}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<TariffRecord>> byCnpj = new HashMap<>();
    private final Map<String, TariffRecord> latest = new HashMap<>();
    private final Map<String, Set<String>> acronyms = new HashMap<>();
    private final Map<String, String> subgroups = new HashMap<>();
    private final Map<String, String> modalities = new HashMap<>();
    private final TreeMap<YearMonth, TariffFlagActivation> flags = new TreeMap<>();
    private final Map<TariffFlag, TreeMap<LocalDate, TariffFlagSurcharge>> surcharges = new java.util.EnumMap<>(TariffFlag.class);
    private final Map<String, String> interned = new HashMap<>();

    private Builder() {}

    /**
     * Adds tariff rows (all of them: acronyms and the known subgroups and modalities come from
     * every row; only MWh "Tarifa de Aplicação" rows are kept).
     *
     * @param tariffs the rows; the stream is consumed, not closed
     * @return this builder
     */
    public Builder tariffs(Stream<TariffRecord> tariffs) {
      tariffs.forEachOrdered(this::add);
      return this;
    }

    /**
     * Adds tariff rows.
     *
     * @param tariffs the rows
     * @return this builder
     */
    public Builder tariffs(Iterable<TariffRecord> tariffs) {
      tariffs.forEach(this::add);
      return this;
    }

    /**
     * Adds flag activations; a later row for the same month replaces an earlier one.
     *
     * @param activations the rows; the stream is consumed, not closed
     * @return this builder
     */
    public Builder flagActivations(Stream<TariffFlagActivation> activations) {
      activations.forEachOrdered(a -> flags.put(a.month(), a));
      return this;
    }

    /**
     * Adds flag activations.
     *
     * @param activations the rows
     * @return this builder
     */
    public Builder flagActivations(Iterable<TariffFlagActivation> activations) {
      activations.forEach(a -> flags.put(a.month(), a));
      return this;
    }

    /**
     * Adds the flag surcharge table, for {@link TariffCalculator#surcharge}.
     *
     * @param rows the rows
     * @return this builder
     */
    public Builder flagSurcharges(Iterable<TariffFlagSurcharge> rows) {
      rows.forEach(r -> surcharges.computeIfAbsent(r.flag(), f -> new TreeMap<>()).put(r.validFrom(), r));
      return this;
    }

    /**
     * Builds the calculator.
     *
     * @return the calculator
     */
    public TariffCalculator build() {
      return new TariffCalculator(this);
    }

    private void add(TariffRecord r) {
      String cnpj = r.distributorCnpj();
      subgroups.putIfAbsent(r.subgroup(), r.subgroup());
      modalities.putIfAbsent(Texts.key(r.modality()), r.modality());
      TariffRecord prev = latest.get(cnpj);
      if (prev == null || r.validFrom().isAfter(prev.validFrom())) {
        latest.put(cnpj, r);
      }
      acronyms.computeIfAbsent(Texts.key(r.distributorAcronym()), k -> new TreeSet<>()).add(cnpj);
      if (r.unit() != TariffUnit.MWH || !r.isApplicationTariff()) {
        byCnpj.computeIfAbsent(cnpj, k -> new ArrayList<>());
        return;
      }
      byCnpj.computeIfAbsent(cnpj, k -> new ArrayList<>()).add(intern(r));
    }

    private TariffRecord intern(TariffRecord r) {
      return new TariffRecord(
          r.generatedOn(),
          in(r.resolution()),
          in(r.distributorAcronym()),
          in(r.distributorCnpj()),
          r.validFrom(),
          r.validTo(),
          in(r.tariffBase()),
          in(r.subgroup()),
          in(r.modality()),
          in(r.consumerClass()),
          in(r.subclass()),
          in(r.detail()),
          in(r.post()),
          r.unit(),
          in(r.accessor()),
          r.tusd(),
          r.te());
    }

    private String in(String s) {
      return s == null ? null : interned.computeIfAbsent(s, k -> k);
    }
  }
}
