package io.ysh.aneel;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link TariffCalculator#price(TariffQuery)} prices: a distributor (CNPJ, or the acronym
 * it bore on the query's date), subgroup, modality, class, subclass, detail, optional post, date, and optional
 * taxes. Class, subclass and detail default to "Não se aplica", modality to "Convencional".
 * Names match ignoring case and accents.
 *
 * @param distributor a CNPJ (bare or formatted) or the acronym the distributor bore on {@code date}
 * @param subgroup B1, B2, B3, A4…
 * @param modality Convencional, Branca, Azul, Verde…
 * @param consumerClass Residencial, Rural, Não se aplica…
 * @param subclass Residencial, Baixa Renda, Não se aplica…
 * @param detail Não se aplica (default), SCEE…
 * @param post a tariff post (Ponta, Intermediário, Fora ponta), or null for the default: "Não se
 *     aplica" where such rows exist, otherwise every post (Branca, Azul, Verde)
 * @param date the day to price
 * @param taxes the taxes to gross up with, or null for prices before taxes
 * @param includeFlag whether to add the month's tariff flag
 * @param generationAccessRequested for the Lei 14.300 Fio B charge: the day the
 *     distributed-generation unit requested grid access, or null for "on the query's date" (a
 *     new system being quoted)
 */
public record TariffQuery(
    String distributor,
    String subgroup,
    String modality,
    String consumerClass,
    String subclass,
    String detail,
    String post,
    LocalDate date,
    Taxes taxes,
    boolean includeFlag,
    LocalDate generationAccessRequested) {

  /**
   * Checks the required components.
   *
   * @param distributor see the record
   * @param subgroup see the record
   * @param modality see the record
   * @param consumerClass see the record
   * @param subclass see the record
   * @param detail see the record
   * @param post see the record
   * @param date see the record
   * @param taxes see the record
   * @param includeFlag see the record
   * @param generationAccessRequested see the record
   */
  public TariffQuery {
    Objects.requireNonNull(distributor, "distributor");
    Objects.requireNonNull(subgroup, "subgroup");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(consumerClass, "consumerClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(date, "date");
  }

  /**
   * Starts a query.
   *
   * @param distributor a CNPJ or the acronym in force on the date
   * @param subgroup the subgroup
   * @param date the day to price
   * @return a builder
   */
  public static Builder builder(String distributor, String subgroup, LocalDate date) {
    return new Builder(distributor, subgroup, date);
  }

  /** Builds {@link TariffQuery}s. Not thread-safe. */
  public static final class Builder {
    private final String distributor;
    private final String subgroup;
    private final LocalDate date;
    private String modality = "Convencional";
    private String consumerClass = TariffRecord.NOT_APPLICABLE;
    private String subclass = TariffRecord.NOT_APPLICABLE;
    private String detail = TariffRecord.NOT_APPLICABLE;
    private String post;
    private Taxes taxes;
    private boolean includeFlag = true;
    private LocalDate accessRequested;

    private Builder(String distributor, String subgroup, LocalDate date) {
      this.distributor = distributor;
      this.subgroup = subgroup;
      this.date = date;
    }

    /**
     * Sets the modality.
     *
     * @param modality such as "Branca"
     * @return this builder
     */
    public Builder modality(String modality) {
      this.modality = modality;
      return this;
    }

    /**
     * Sets the class and subclass.
     *
     * @param consumerClass such as "Residencial"
     * @param subclass such as "Residencial" or "Baixa Renda"
     * @return this builder
     */
    public Builder consumerClass(String consumerClass, String subclass) {
      this.consumerClass = consumerClass;
      this.subclass = subclass;
      return this;
    }

    /**
     * Sets the detail.
     *
     * @param detail such as "SCEE"
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * Restricts to one post.
     *
     * @param post such as "Ponta"
     * @return this builder
     */
    public Builder post(String post) {
      this.post = post;
      return this;
    }

    /**
     * Grosses prices up with taxes.
     *
     * @param taxes the taxes, or null
     * @return this builder
     */
    public Builder taxes(Taxes taxes) {
      this.taxes = taxes;
      return this;
    }

    /**
     * Whether to add the month's flag (default true).
     *
     * @param includeFlag false for the tariff alone
     * @return this builder
     */
    public Builder includeFlag(boolean includeFlag) {
      this.includeFlag = includeFlag;
      return this;
    }

    /**
     * Sets when the distributed-generation unit requested grid access, which decides its
     * Lei 14.300 Fio B share (units up to 2023-01-07 keep the old rule).
     *
     * @param date the day, or null for the query's date
     * @return this builder
     */
    public Builder generationAccessRequested(LocalDate date) {
      this.accessRequested = date;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public TariffQuery build() {
      return new TariffQuery(distributor, subgroup, modality, consumerClass, subclass, detail, post, date, taxes, includeFlag, accessRequested);
    }
  }
}
