package io.ysh.aneel;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One ANEEL table and how to read its rows as typed records: the resource it lives in, the
 * columns a record needs (checked against the header case-insensitively before the first row,
 * failing with every missing column named) and the mapping. The four published tables are
 * constants; {@link #custom} describes any other.
 *
 * @param <T> the record type
 */
public final class AneelDataset<T> {

  /** Tariffs of the distributors ({@code tarifas-distribuidoras-energia-eletrica}). */
  public static final AneelDataset<TariffRecord> TARIFFS =
      new AneelDataset<>(
          "tariffs",
          "tarifas-distribuidoras-energia-eletrica",
          "fcf2906c-7c32-4b9b-a637-054e7a5234f4",
          TariffRecord.COLUMNS,
          TariffRecord::fromRow);

  /** Monthly tariff-flag activations ({@code bandeiras-tarifarias}, acionamento). */
  public static final AneelDataset<TariffFlagActivation> FLAG_ACTIVATIONS =
      new AneelDataset<>(
          "tariff flag activations",
          "bandeiras-tarifarias",
          "0591b8f6-fe54-437b-b72b-1aa2efd46e42",
          TariffFlagActivation.COLUMNS,
          TariffFlagActivation::fromRow);

  /** Flag surcharges by resolution ({@code bandeiras-tarifarias}, adicional). */
  public static final AneelDataset<TariffFlagSurcharge> FLAG_SURCHARGES =
      new AneelDataset<>(
          "tariff flag surcharges",
          "bandeiras-tarifarias",
          "5879ca80-b3bd-45b1-a135-d9b77c1d5b36",
          TariffFlagSurcharge.COLUMNS,
          TariffFlagSurcharge::fromRow);

  /** Distributed-generation units ({@code relacao-de-empreendimentos-de-geracao-distribuida}). */
  public static final AneelDataset<DistributedGenerationUnit> DISTRIBUTED_GENERATION =
      new AneelDataset<>(
          "distributed generation units",
          "relacao-de-empreendimentos-de-geracao-distribuida",
          "b1bd71e7-d0ad-4214-9053-cbd58e9564a7",
          DistributedGenerationUnit.COLUMNS,
          DistributedGenerationUnit::fromRow);

  /**
   * Tariff components ({@code componentes-tarifarias}, package
   * {@code 613e6b74-1a4b-4c48-a231-096815e96bd5}): one resource per year, as CSV and as Parquet,
   * so there is no single resource id; {@link AneelClient#tariffComponentResources()} finds the
   * year's files. The header must match ANEEL's data dictionary exactly (see
   * {@link TariffComponent}).
   */
  public static final AneelDataset<TariffComponent> TARIFF_COMPONENTS =
      new AneelDataset<>(
          "tariff components",
          "componentes-tarifarias",
          null,
          TariffComponent.COLUMNS,
          TariffComponent::fromRow,
          h ->
              h.requireExactly(
                  "tariff components",
                  TariffComponent.COLUMNS,
                  java.util.Map.of(TariffComponent.ACRONYM, TariffComponent.ACRONYM_DICTIONARY),
                  java.util.Set.of("_id", "rank")));

  private final String name;
  private final String packageId;
  private final String resourceId;
  private final List<String> requiredColumns;
  private final Function<Row, T> mapper;
  private final java.util.function.Consumer<Header> headerCheck;

  private AneelDataset(String name, String packageId, String resourceId, List<String> requiredColumns, Function<Row, T> mapper) {
    this(name, packageId, resourceId, requiredColumns, mapper, null);
  }

  private AneelDataset(
      String name,
      String packageId,
      String resourceId,
      List<String> requiredColumns,
      Function<Row, T> mapper,
      java.util.function.Consumer<Header> headerCheck) {
    this.headerCheck = headerCheck;
    this.name = Objects.requireNonNull(name, "name");
    this.packageId = packageId;
    this.resourceId = resourceId;
    this.requiredColumns = List.copyOf(requiredColumns);
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * Describes another table.
   *
   * @param <T> the record type
   * @param name a name for messages
   * @param resourceId the CKAN resource id, or null
   * @param requiredColumns the columns the mapper reads with the non-null accessors
   * @param mapper turns a row into a record; may throw {@link AneelException}
   * @return the dataset
   */
  public static <T> AneelDataset<T> custom(String name, String resourceId, List<String> requiredColumns, Function<Row, T> mapper) {
    return new AneelDataset<>(name, null, resourceId, requiredColumns, mapper);
  }

  /**
   * The name used in messages.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The CKAN package (dataset) slug, for the published tables.
   *
   * @return the slug, or null for custom tables
   */
  public String packageId() {
    return packageId;
  }

  /**
   * The CKAN resource id of the table on the portal.
   *
   * @return the id, or null
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The columns a record needs.
   *
   * @return the column names
   */
  public List<String> requiredColumns() {
    return requiredColumns;
  }

  /**
   * Reads one row.
   *
   * @param row the row
   * @return the record
   * @throws AneelException {@code INVALID_VALUE} or {@code MISSING_COLUMN} naming the problem
   */
  public T map(Row row) {
    return mapper.apply(row);
  }

  void check(Header header) {
    if (headerCheck != null) {
      headerCheck.accept(header);
    } else {
      header.require(name, requiredColumns);
    }
  }

  /**
   * Checks a header (column names in file order) the way reading a file checks it.
   *
   * @param columns the column names
   * @throws AneelException {@code MISSING_COLUMN} naming what is missing (or, for
   *     {@link #TARIFF_COMPONENTS}, what is not in ANEEL's data dictionary)
   */
  public void checkHeader(List<String> columns) {
    check(new Header(columns));
  }

  @Override
  public String toString() {
    return "AneelDataset[" + name + "]";
  }
}
