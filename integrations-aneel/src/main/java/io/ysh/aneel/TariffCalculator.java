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
 *   <li>The distributor is a CNPJ (the identity: acronyms change, RGE SUL became RGE) or an
 *       acronym <em>as of the query's date</em>: a distributor bears on a date the acronym of its
 *       row with the latest start on or before that date (its earliest row's before its first
 *       period). So a former acronym is fine for dates when it was in force ("RGE SUL" on
 *       2019-05-01), and an acronym that passed to another company resolves to whichever bore it
 *       on the date (when two companies' latest rows both carry it, the one with a row in force
 *       on the date, else the one that took it last). An acronym not in force on the date fails naming who bore it and when, and
 *       an unknown acronym fails listing the closest acronyms in force. Both tariff and
 *       component rows count.
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
 *   <li>Lei 14.300: each post's {@link PostPrice#fioB()} prices the share of Fio B paid on
 *       compensated energy from the distributor's own {@value TariffComponent#TUSD_FIO_B}
 *       component ("Tarifa de Aplicação", R$/MWh) for the same subgroup, modality, class,
 *       subclass, detail and post, in force on the date (same precedence as tariffs), times the
 *       share of the query's year ({@link Lei14300#fioBShare}, for a unit whose access was
 *       requested on {@link TariffQuery#generationAccessRequested()}, by default the query's
 *       date). Without {@linkplain Builder#components(Stream) components} loaded, or without a
 *       matching row, or in a year the law does not fix, it is {@link FioBCharge.Unavailable}
 *       saying which: never an estimate.
 * </ol>
 *
 * <p>Messages name distributors in full (acronym and CNPJ, written with
 * {@link io.ysh.core.http.Redactor#distributorCnpj}), since a distributor's CNPJ is a public
 * company identifier that the redaction of messages leaves readable.
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

  private static final Comparator<TariffComponent> COMPONENT_PRECEDENCE =
      Comparator.comparing(TariffComponent::validFrom)
          .thenComparingLong(c -> resolutionNumber(c.resolution()))
          .thenComparing(TariffComponent::validTo, Comparator.reverseOrder());

  private static final Comparator<TariffRecord> PRECEDENCE =
      Comparator.comparing(TariffRecord::validFrom)
          .thenComparingLong(r -> resolutionNumber(r.resolution()))
          .thenComparing(TariffRecord::validTo, Comparator.reverseOrder());

  private final Map<String, List<TariffRecord>> byCnpj;
  private final Map<String, TreeMap<LocalDate, String>> acronymHistory;
  private final Map<String, TreeMap<LocalDate, LocalDate>> coverage;
  private final Map<String, List<TariffComponent>> fioBByCnpj;
  private final boolean componentsLoaded;
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
    this.acronymHistory = b.acronymHistory;
    this.coverage = b.coverage;
    this.fioBByCnpj = b.fioB;
    this.componentsLoaded = b.componentsLoaded;
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
    String cnpj = resolveCnpj(query.distributor(), query.date());
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
          name(cnpj, query.date())
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
              posts.add(
                  new PostPrice(
                      r.post(),
                      r,
                      energy,
                      BigDecimal.ZERO,
                      energy,
                      query.taxes() == null ? null : query.taxes().grossUp(energy),
                      fioB(query, cnpj, r.post())));
            });
    EnergyPrice base = new EnergyPrice(query, cnpj, acronymOn(cnpj, query.date()), posts, null);
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
   * Resolves a distributor to its CNPJ by the acronym each distributor bears on its latest row.
   *
   * @param cnpjOrAcronym a CNPJ (bare or formatted) or an acronym in force today, any case
   * @return the 14-character CNPJ
   * @throws AneelException {@code UNKNOWN_DISTRIBUTOR} naming who bore a former acronym, or the
   *     closest acronyms to an unknown one
   */
  public String resolveCnpj(String cnpjOrAcronym) {
    return resolveCnpj(cnpjOrAcronym, null);
  }

  /**
   * Resolves a distributor to its CNPJ as of a date: an acronym resolves to the CNPJ that bore
   * it on that date (see the class documentation).
   *
   * @param cnpjOrAcronym a CNPJ (bare or formatted) or an acronym, any case and accents
   * @param date the day, or null for the acronyms on each distributor's latest row
   * @return the 14-character CNPJ
   * @throws AneelException {@code UNKNOWN_DISTRIBUTOR}: for a CNPJ without tariffs; for an
   *     acronym not in force on the date, naming who bore it and when; for an unknown acronym,
   *     listing the closest acronyms in force
   */
  public String resolveCnpj(String cnpjOrAcronym, LocalDate date) {
    Objects.requireNonNull(cnpjOrAcronym, "cnpjOrAcronym");
    String s = cnpjOrAcronym.strip();
    if (io.ysh.core.br.Cnpj.isValid(s) || (s.matches("[0-9./\\-]+") && s.replaceAll("[^0-9]", "").length() >= 8)) {
      String cnpj = io.ysh.core.br.Cnpj.isValid(s) ? io.ysh.core.br.Cnpj.parse(s).value() : Texts.cnpj(s);
      if (!byCnpj.containsKey(cnpj)) {
        // the number the caller gave is not known to be a distributor's: it stays masked
        throw AneelException.of(AneelException.Problem.UNKNOWN_DISTRIBUTOR, "no tariffs for CNPJ " + cnpj + " in the data loaded");
      }
      return cnpj;
    }
    String key = Texts.key(s);
    String on = date == null ? "today" : date.toString();
    List<String> matching = new ArrayList<>();
    for (String cnpj : acronymHistory.keySet()) {
      if (Texts.key(acronymOn(cnpj, date)).equals(key)) {
        matching.add(cnpj);
      }
    }
    if (matching.size() > 1) {
      // an acronym passed on (a merger): the bearer with a row in force on the date wins, else
      // the one that took the acronym last
      List<String> covering = new ArrayList<>();
      for (String cnpj : matching) {
        if (date != null && covered(cnpj, date)) {
          covering.add(cnpj);
        }
      }
      if (covering.size() == 1) {
        return covering.get(0);
      }
      List<String> pool = covering.isEmpty() ? matching : covering;
      pool.sort(Comparator.comparing((String cnpj) -> bearingSince(cnpj, date)).reversed());
      if (bearingSince(pool.get(0), date).isAfter(bearingSince(pool.get(1), date))) {
        return pool.get(0);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.size() > 1) {
      StringBuilder sb = new StringBuilder("acronym \"" + s + "\" is borne on " + on + " by several distributors: ");
      for (String cnpj : matching) {
        sb.append(io.ysh.core.http.Redactor.distributorCnpj(cnpj)).append("; ");
      }
      throw AneelException.of(AneelException.Problem.UNKNOWN_DISTRIBUTOR, sb.append("use the CNPJ").toString());
    }
    List<String> bearers = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, String>> e : acronymHistory.entrySet()) {
      String periods = periods(e.getValue(), key);
      if (!periods.isEmpty()) {
        bearers.add(
            io.ysh.core.http.Redactor.distributorCnpj(e.getKey())
                + " bore it "
                + periods
                + " (on "
                + on
                + ": \""
                + acronymOn(e.getKey(), date)
                + "\")");
      }
    }
    if (!bearers.isEmpty()) {
      throw AneelException.of(
          AneelException.Problem.UNKNOWN_DISTRIBUTOR,
          "acronym \"" + s + "\" was not in force on " + on + ": " + String.join("; ", bearers) + " - use the CNPJ or the acronym in force");
    }
    throw AneelException.of(
        AneelException.Problem.UNKNOWN_DISTRIBUTOR,
        "no distributor with acronym \"" + s + "\" in the data loaded; closest acronyms in force on " + on + ": " + closest(key, date));
  }

  /** The start of the row that gives a CNPJ its acronym on a date (null: its latest row). */
  private LocalDate bearingSince(String cnpj, LocalDate date) {
    TreeMap<LocalDate, String> h = acronymHistory.get(cnpj);
    LocalDate k = date == null ? h.lastKey() : h.floorKey(date);
    return k != null ? k : h.firstKey();
  }

  /** Whether some row of a CNPJ is in force on a date. */
  private boolean covered(String cnpj, LocalDate date) {
    TreeMap<LocalDate, LocalDate> c = coverage.get(cnpj);
    if (c == null) {
      return false;
    }
    for (LocalDate end : c.headMap(date, true).values()) {
      if (!end.isBefore(date)) {
        return true;
      }
    }
    return false;
  }

  /** The acronym a CNPJ bore on a date (null: its latest), or "" when unknown. */
  String acronymOn(String cnpj, LocalDate date) {
    TreeMap<LocalDate, String> h = acronymHistory.get(cnpj);
    if (h == null || h.isEmpty()) {
      return "";
    }
    if (date == null) {
      return h.lastEntry().getValue();
    }
    Map.Entry<LocalDate, String> e = h.floorEntry(date);
    return e != null ? e.getValue() : h.firstEntry().getValue();
  }

  /** "from A to B" spans during which a history bore an acronym (by key), comma-separated. */
  private static String periods(TreeMap<LocalDate, String> history, String key) {
    List<String> out = new ArrayList<>();
    LocalDate start = null;
    for (Map.Entry<LocalDate, String> e : history.entrySet()) {
      boolean bears = Texts.key(e.getValue()).equals(key);
      if (bears && start == null) {
        start = e.getKey();
      } else if (!bears && start != null) {
        out.add("from " + start + " to " + e.getKey().minusDays(1));
        start = null;
      }
    }
    if (start != null) {
      out.add("from " + start);
    }
    return String.join(", ", out);
  }

  /** The three acronyms in force on the date closest to a key by edit distance. */
  private String closest(String key, LocalDate date) {
    Map<String, String> current = new TreeMap<>();
    for (String cnpj : acronymHistory.keySet()) {
      String a = acronymOn(cnpj, date);
      current.putIfAbsent(Texts.key(a), a);
    }
    List<String> names = new ArrayList<>(current.keySet());
    names.sort(Comparator.comparingInt((String n) -> editDistance(key, n)).thenComparing(n -> n));
    List<String> out = new ArrayList<>();
    for (String n : names.subList(0, Math.min(3, names.size()))) {
      out.add("\"" + current.get(n) + "\"");
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A distributor named in full: its acronym on the date and its (public) CNPJ. */
  private String name(String cnpj, LocalDate date) {
    String a = acronymOn(cnpj, date);
    return (a.isEmpty() ? "" : a + ", ") + io.ysh.core.http.Redactor.distributorCnpj(cnpj);
  }

  private FioBCharge fioB(TariffQuery q, String cnpj, String post) {
    if (!componentsLoaded) {
      return new FioBCharge.Unavailable(
          FioBCharge.Reason.NO_COMPONENTS_LOADED,
          "no tariff components loaded (componentes-tarifarias): the Fio B of " + name(cnpj, q.date()) + " is unknown to this calculator");
    }
    LocalDate access = q.generationAccessRequested() != null ? q.generationAccessRequested() : q.date();
    Optional<BigDecimal> share = Lei14300.fioBShare(access, q.date().getYear());
    if (share.isEmpty()) {
      return new FioBCharge.Unavailable(
          FioBCharge.Reason.SHARE_NOT_FIXED_BY_LAW,
          "Lei 14.300 does not fix the Fio B share in " + q.date().getYear() + " for a unit that requested access on " + access
              + " (ANEEL's regulation decides it)");
    }
    String subgroup = Texts.subgroup(q.subgroup());
    TariffComponent best = null;
    for (TariffComponent c : fioBByCnpj.getOrDefault(cnpj, List.of())) {
      if (c.covers(q.date())
          && c.subgroup().equals(subgroup)
          && Texts.key(c.modality()).equals(Texts.key(q.modality()))
          && Texts.key(c.consumerClass()).equals(Texts.key(q.consumerClass()))
          && Texts.key(c.subclass()).equals(Texts.key(q.subclass()))
          && Texts.key(c.detail()).equals(Texts.key(q.detail()))
          && Texts.key(c.post()).equals(Texts.key(post))
          && (best == null || COMPONENT_PRECEDENCE.compare(c, best) > 0)) {
        best = c;
      }
    }
    if (best == null) {
      return new FioBCharge.Unavailable(
          FioBCharge.Reason.NO_COMPONENT_FOR_QUERY,
          "the tariff components loaded have no " + TariffComponent.TUSD_FIO_B + " (Tarifa de Aplicação, R$/MWh) of " + name(cnpj, q.date())
              + " for " + subgroup + "/" + q.modality() + "/" + q.consumerClass() + "/" + q.subclass() + "/" + q.detail() + "/" + post
              + " in force on " + q.date());
    }
    return new FioBCharge.Priced(
        best, access, share.get(), best.value().movePointLeft(3), Lei14300.fioBChargePerKwh(share.get(), best.value()));
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
    private final Map<String, TreeMap<LocalDate, String>> acronymHistory = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, LocalDate>> coverage = new HashMap<>();
    private final Map<String, List<TariffComponent>> fioB = new HashMap<>();
    private boolean componentsLoaded;
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
     * Adds tariff-component rows, for the Lei 14.300 Fio B charge. Only
     * {@value TariffComponent#TUSD_FIO_B} rows of "Tarifa de Aplicação" in R$/MWh are kept; every
     * row's acronym counts for resolving acronyms by date. Marks components as loaded, so that a
     * missing Fio B is reported as such rather than as "no components".
     *
     * @param components the rows; the stream is consumed, not closed
     * @return this builder
     */
    public Builder components(Stream<TariffComponent> components) {
      componentsLoaded = true;
      components.forEachOrdered(this::addComponent);
      return this;
    }

    /**
     * Adds tariff-component rows; see {@link #components(Stream)}.
     *
     * @param components the rows
     * @return this builder
     */
    public Builder components(Iterable<TariffComponent> components) {
      componentsLoaded = true;
      components.forEach(this::addComponent);
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
      bore(cnpj, r.validFrom(), r.validTo(), r.distributorAcronym());
      if (r.unit() != TariffUnit.MWH || !r.isApplicationTariff()) {
        byCnpj.computeIfAbsent(cnpj, k -> new ArrayList<>());
        return;
      }
      byCnpj.computeIfAbsent(cnpj, k -> new ArrayList<>()).add(intern(r));
    }

    private void bore(String cnpj, LocalDate from, LocalDate to, String acronym) {
      coverage.computeIfAbsent(cnpj, k -> new TreeMap<>()).merge(from, to, (a, b) -> a.isAfter(b) ? a : b);
      if (acronym == null || acronym.isBlank()) {
        return;
      }
      acronymHistory.computeIfAbsent(cnpj, k -> new TreeMap<>()).putIfAbsent(from, in(acronym));
    }

    private void addComponent(TariffComponent c) {
      bore(c.distributorCnpj(), c.validFrom(), c.validTo(), c.distributorAcronym());
      if (c.is(TariffComponent.TUSD_FIO_B) && c.isApplicationTariff() && c.unit() == TariffUnit.MWH) {
        fioB.computeIfAbsent(c.distributorCnpj(), k -> new ArrayList<>()).add(c);
      }
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
