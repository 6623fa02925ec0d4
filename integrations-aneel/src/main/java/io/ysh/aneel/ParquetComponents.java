package io.ysh.aneel;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads ANEEL's tariff components from the Parquet files the portal publishes beside the CSVs
 * (the same rows, about 50 times smaller), through DuckDB's embedded JDBC driver: in process, no
 * server. The filter's distributor, subgroup, component and date criteria become the query's
 * {@code WHERE}, which DuckDB checks against each row group's statistics, so answering one
 * distributor reads only the row groups that hold it rather than the whole year. Results stream
 * from DuckDB in chunks ({@code jdbc_stream_results}), so memory stays bounded whatever the file
 * size.
 *
 * <p>Records are built by the same mapping as the CSV path ({@link AneelCsv} with
 * {@link AneelDataset#TARIFF_COMPONENTS}), from the columns' values as DuckDB writes them as
 * text (ISO dates, decimals with a point, which the mapping reads), and the filter's {@link ComponentFilter#test} is applied to every record: the two paths
 * return equal records for the same rows. The header is checked against ANEEL's data dictionary
 * first ({@link AneelException.Problem#MISSING_COLUMN} naming the differences).
 *
 * <p><b>Optional dependency.</b> DuckDB is not brought by this module: add
 * {@code org.duckdb:duckdb_jdbc} (1.5.x; its jar carries the native library for Linux, macOS and
 * Windows on x86-64 and arm64). Without it every method here fails with
 * {@link ErrorCode#UNSUPPORTED} naming the artifact; {@link #available()} tells beforehand.
 */
public final class ParquetComponents {

  /** The Maven coordinates of the optional dependency, as named in errors. */
  public static final String DUCKDB_ARTIFACT = "org.duckdb:duckdb_jdbc";

  static final String DUCKDB_DRIVER = "org.duckdb.DuckDBDriver";

  private ParquetComponents() {}

  /**
   * Whether DuckDB's JDBC driver is on the class path and its native library loads here.
   *
   * @return true when {@link #read} can work
   */
  public static boolean available() {
    try {
      requireDuckDb(DUCKDB_DRIVER);
      return true;
    } catch (YshException e) {
      return false;
    }
  }

  /**
   * Streams the rows of a Parquet file that pass a filter.
   *
   * @param file a tariff-components Parquet file
   * @param filter the rows wanted
   * @return a lazy stream; close it to release DuckDB
   * @throws YshException {@code UNSUPPORTED} when {@value #DUCKDB_ARTIFACT} is missing;
   *     {@code INVALID_ARGUMENT} when the file does not exist or is not Parquet
   * @throws AneelException {@code MISSING_COLUMN} when the header differs from the dictionary,
   *     {@code INVALID_VALUE} for a value that cannot be read
   */
  public static Stream<TariffComponent> read(Path file, ComponentFilter filter) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(filter, "filter");
    if (!Files.isRegularFile(file)) {
      throw YshException.invalidArgument("no Parquet file at " + file);
    }
    requireDuckDb(DUCKDB_DRIVER);
    Connection conn = null;
    try {
      Properties props = new Properties();
      // without it the driver materialises the whole result before the first row
      props.setProperty("jdbc_stream_results", "true");
      conn = DriverManager.getConnection("jdbc:duckdb:", props);
      Map<String, String> types = describe(conn, file);
      List<String> names = new ArrayList<>(types.keySet());
      AneelDataset.TARIFF_COMPONENTS.checkHeader(names);
      Header header = new Header(names);
      PreparedStatement st = conn.prepareStatement(sql(names, types, filter, header));
      bind(st, file, types, filter, header);
      ResultSet rs = st.executeQuery();
      Connection c = conn;
      Iterator<TariffComponent> it = new Rows(rs, header, filter);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(() -> closeQuietly(c));
    } catch (SQLException e) {
      closeQuietly(conn);
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .provider("aneel")
          .detail("cannot read " + file + " as tariff-components Parquet: " + e.getMessage())
          .cause(e)
          .build();
    } catch (RuntimeException e) {
      closeQuietly(conn);
      throw e;
    }
  }

  static void requireDuckDb(String driverClass) {
    try {
      Class.forName(driverClass, true, ParquetComponents.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .provider("aneel")
          .detail(
              "reading ANEEL's Parquet files needs DuckDB's JDBC driver, an optional dependency: add "
                  + DUCKDB_ARTIFACT
                  + " (1.5.x) to the class path, or read the CSV resources instead ("
                  + e
                  + ")")
          .cause(e)
          .build();
    }
  }

  private static Map<String, String> describe(Connection conn, Path file) throws SQLException {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    try (PreparedStatement st = conn.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
      st.setString(1, file.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT));
        }
      }
    }
    return types;
  }

  private static String q(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }

  private static String col(Header h, String name) {
    return h.names().get(h.index(name));
  }

  private static String sql(List<String> names, Map<String, String> types, ComponentFilter f, Header h) {
    // One text column per row: the JDBC driver converts values one by one across JNI, so 17
    // columns cost about three times what one joined string does (measured). DuckDB's text of
    // a DATE is ISO, of a DECIMAL or DOUBLE a plain decimal with a point: what the CSV mapping reads.
    StringBuilder sb = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : " || chr(31) || ").append("coalesce(CAST(").append(q(names.get(i))).append(" AS VARCHAR), '')");
    }
    sb.append(" FROM read_parquet(?) WHERE TRUE");
    if (f.distributorCnpj() != null) {
      String c = col(h, "NumCPFCNPJ");
      boolean numeric = isNumeric(types.get(c));
      if (numeric && !f.distributorCnpj().chars().allMatch(Character::isDigit)) {
        sb.append(" AND FALSE"); // an alphanumeric CNPJ cannot be in a numeric column
      } else {
        sb.append(" AND ").append(q(c)).append(" = ?");
      }
    }
    if (f.distributorAcronym() != null) {
      String c = h.index(TariffComponent.ACRONYM) >= 0 ? TariffComponent.ACRONYM : TariffComponent.ACRONYM_DICTIONARY;
      sb.append(" AND ").append(q(col(h, c))).append(" = ?");
    }
    if (!f.subgroups().isEmpty()) {
      sb.append(" AND upper(").append(q(col(h, "DscSubGrupoTarifario"))).append(") IN (").append(marks(f.subgroups().size())).append(')');
    }
    if (!f.components().isEmpty()) {
      sb.append(" AND upper(").append(q(col(h, "DscComponenteTarifario"))).append(") IN (").append(marks(f.components().size())).append(')');
    }
    // "< the day after" works for DATE, TIMESTAMP and ISO text with or without a time part
    if (f.to() != null) {
      sb.append(" AND ").append(q(col(h, "DatInicioVigencia"))).append(" < ?");
    }
    if (f.from() != null) {
      sb.append(" AND ").append(q(col(h, "DatFimVigencia"))).append(" >= ?");
    }
    return sb.toString();
  }

  private static void bind(PreparedStatement st, Path file, Map<String, String> types, ComponentFilter f, Header h) throws SQLException {
    int i = 1;
    st.setString(i++, file.toString());
    if (f.distributorCnpj() != null) {
      String c = col(h, "NumCPFCNPJ");
      if (isNumeric(types.get(c))) {
        if (f.distributorCnpj().chars().allMatch(Character::isDigit)) {
          st.setLong(i++, Long.parseLong(f.distributorCnpj()));
        }
      } else {
        st.setString(i++, f.distributorCnpj());
      }
    }
    if (f.distributorAcronym() != null) {
      st.setString(i++, f.distributorAcronym());
    }
    for (String s : f.subgroups()) {
      st.setString(i++, s.toUpperCase(Locale.ROOT));
    }
    for (String s : f.componentsUpper()) {
      st.setString(i++, s);
    }
    if (f.to() != null) {
      i = bindDate(st, i, types.get(col(h, "DatInicioVigencia")), f.to().plusDays(1));
    }
    if (f.from() != null) {
      bindDate(st, i, types.get(col(h, "DatFimVigencia")), f.from());
    }
  }

  private static int bindDate(PreparedStatement st, int i, String type, LocalDate d) throws SQLException {
    if (type.startsWith("DATE")) {
      st.setObject(i, d);
    } else if (type.startsWith("TIMESTAMP")) {
      st.setObject(i, d.atStartOfDay());
    } else {
      st.setString(i, d.toString());
    }
    return i + 1;
  }

  private static boolean isNumeric(String type) {
    return type.contains("INT") || type.startsWith("DECIMAL") || type.startsWith("DOUBLE");
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // nothing useful to do
    }
  }

  /** Reads the result set lazily; each row goes through the CSV path's mapping and the filter. */
  private static final class Rows implements Iterator<TariffComponent> {
    private final ResultSet rs;
    private final Header header;
    private final ComponentFilter filter;
    private TariffComponent next;
    private long n;
    private boolean done;

    Rows(ResultSet rs, Header header, ComponentFilter filter) {
      this.rs = rs;
      this.header = header;
      this.filter = filter;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        try {
          if (!rs.next()) {
            done = true;
            rs.close();
            break;
          }
          String joined = rs.getString(1);
          List<String> values = split(joined);
          n++;
          if (values.size() != header.size()) {
            throw AneelException.of(
                AneelException.Problem.INVALID_VALUE,
                "Parquet row " + n + " has a value containing the control character U+001F, which this reader cannot take");
          }
          TariffComponent c = TariffComponent.fromRow(new Row(header, values, n));
          if (filter.test(c)) {
            next = c;
          }
        } catch (SQLException e) {
          done = true;
          throw YshException.builder(ErrorCode.UNAVAILABLE).provider("aneel").detail("reading Parquet failed: " + e.getMessage()).cause(e).build();
        }
      }
      return next != null;
    }

    private List<String> split(String joined) {
      List<String> out = new ArrayList<>(header.size());
      int from = 0;
      for (int i = joined.indexOf('\u001f'); i >= 0; i = joined.indexOf('\u001f', from)) {
        out.add(joined.substring(from, i));
        from = i + 1;
      }
      out.add(joined.substring(from));
      return out;
    }

    @Override
    public TariffComponent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      TariffComponent c = next;
      next = null;
      return c;
    }
  }
}
