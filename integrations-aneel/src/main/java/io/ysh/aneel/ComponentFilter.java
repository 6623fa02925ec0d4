package io.ysh.aneel;

import io.ysh.core.YshException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which tariff-component rows to read: one distributor (by CNPJ or by the acronym written on
 * the rows), some subgroups, some components, and the rows in force at some point of a date
 * range. Every criterion left unset matches everything. The Parquet path
 * ({@link ParquetComponents}) hands the distributor, subgroup, component and date criteria to
 * DuckDB, which skips the row groups that cannot match; the CSV path tests each row with
 * {@link #test}. Both return exactly the rows {@link #test} accepts.
 *
 * @param distributorCnpj the distributor's CNPJ (14 characters), or null for any
 * @param distributorAcronym the acronym as written on the rows ({@code SigNomeAgente}, exact
 *     text), or null for any; prefer the CNPJ, the identity that survives renames
 * @param subgroups subgroups such as B1 (empty for all)
 * @param components component names such as {@value TariffComponent#TUSD_FIO_B} (empty for all)
 * @param from the first day of the range, or null for no lower bound
 * @param to the last day of the range (inclusive), or null for no upper bound
 */
public record ComponentFilter(
    String distributorCnpj, String distributorAcronym, Set<String> subgroups, Set<String> components, LocalDate from, LocalDate to) {

  /**
   * Normalises and checks the criteria.
   *
   * @param distributorCnpj see the record
   * @param distributorAcronym see the record
   * @param subgroups see the record
   * @param components see the record
   * @param from see the record
   * @param to see the record
   * @throws YshException {@code INVALID_ARGUMENT} when {@code from} is after {@code to} or the
   *     CNPJ is blank
   */
  public ComponentFilter {
    if (distributorCnpj != null) {
      if (distributorCnpj.isBlank()) {
        throw YshException.invalidArgument("distributorCnpj must not be blank");
      }
      distributorCnpj = Texts.cnpj(distributorCnpj);
    }
    Set<String> sg = new LinkedHashSet<>();
    for (String s : Objects.requireNonNull(subgroups, "subgroups")) {
      sg.add(Texts.subgroup(Objects.requireNonNull(s, "subgroup")));
    }
    subgroups = Set.copyOf(sg);
    components = Set.copyOf(Objects.requireNonNull(components, "components"));
    if (from != null && to != null && from.isAfter(to)) {
      throw YshException.invalidArgument("from (" + from + ") must not be after to (" + to + ")");
    }
  }

  /**
   * A filter that matches every row.
   *
   * @return the filter
   */
  public static ComponentFilter all() {
    return builder().build();
  }

  /**
   * Starts a filter.
   *
   * @return a builder matching everything
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a row passes.
   *
   * @param c the row
   * @return true when every criterion set matches
   */
  public boolean test(TariffComponent c) {
    if (distributorCnpj != null && !distributorCnpj.equals(c.distributorCnpj())) {
      return false;
    }
    if (distributorAcronym != null && !distributorAcronym.equals(c.distributorAcronym())) {
      return false;
    }
    if (!subgroups.isEmpty() && !subgroups.contains(c.subgroup())) {
      return false;
    }
    if (!components.isEmpty() && components.stream().noneMatch(c::is)) {
      return false;
    }
    if (to != null && c.validFrom().isAfter(to)) {
      return false;
    }
    return from == null || !c.validTo().isBefore(from);
  }

  /** The components, upper case, for case-insensitive matching in SQL. */
  Set<String> componentsUpper() {
    Set<String> out = new LinkedHashSet<>();
    components.forEach(c -> out.add(c.toUpperCase(Locale.ROOT)));
    return out;
  }

  /**
   * The CNPJ criterion.
   *
   * @return the CNPJ, if set
   */
  public Optional<String> cnpj() {
    return Optional.ofNullable(distributorCnpj);
  }

  /** Builds {@link ComponentFilter}s. Not thread-safe. */
  public static final class Builder {
    private String cnpj;
    private String acronym;
    private final Set<String> subgroups = new LinkedHashSet<>();
    private final Set<String> components = new LinkedHashSet<>();
    private LocalDate from;
    private LocalDate to;

    private Builder() {}

    /**
     * Only this distributor.
     *
     * @param cnpj the CNPJ, bare or formatted
     * @return this builder
     */
    public Builder distributorCnpj(String cnpj) {
      this.cnpj = cnpj;
      return this;
    }

    /**
     * Only rows written with this acronym (exact text).
     *
     * @param acronym such as {@code "CEMIG-D"}
     * @return this builder
     */
    public Builder distributorAcronym(String acronym) {
      this.acronym = acronym;
      return this;
    }

    /**
     * Adds subgroups.
     *
     * @param subgroups such as {@code "B1"}
     * @return this builder
     */
    public Builder subgroups(String... subgroups) {
      this.subgroups.addAll(java.util.List.of(subgroups));
      return this;
    }

    /**
     * Adds components.
     *
     * @param components such as {@value TariffComponent#TUSD_FIO_B}
     * @return this builder
     */
    public Builder components(String... components) {
      this.components.addAll(java.util.List.of(components));
      return this;
    }

    /**
     * Only rows in force on a day.
     *
     * @param date the day
     * @return this builder
     */
    public Builder validOn(LocalDate date) {
      Objects.requireNonNull(date, "date");
      this.from = date;
      this.to = date;
      return this;
    }

    /**
     * Only rows in force at some point between two days (inclusive).
     *
     * @param from the first day, or null
     * @param to the last day, or null
     * @return this builder
     */
    public Builder validBetween(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     * @throws YshException {@code INVALID_ARGUMENT} for a reversed range or a blank CNPJ
     */
    public ComponentFilter build() {
      return new ComponentFilter(cnpj, acronym, subgroups, components, from, to);
    }
  }
}
