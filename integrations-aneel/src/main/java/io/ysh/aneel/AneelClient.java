package io.ysh.aneel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.ErrorCode;
import io.ysh.core.Args;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.http.HttpClients;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.json.Json;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Client for ANEEL's CKAN open-data portal ({@code https://dadosabertos.aneel.gov.br}). No
 * authentication. Immutable and thread-safe; build once with {@link #builder()} and share.
 *
 * <ul>
 *   <li>{@link #packageShow}, {@link #resourceShow}: metadata.
 *   <li>{@link #datastoreSearch(DatastoreQuery, AneelDataset)}: a lazy stream of typed records
 *       over all pages. The page size is the one the portal answers in {@code result.limit} (it
 *       silently caps requests at 32,000) and paging stops at {@code result.total}, never on a
 *       short page and never by following {@code _links.next}, which this portal keeps sending
 *       past the end.
 *   <li>{@link #datastoreSqlAvailable()}: feature detection for {@code datastore_search_sql}
 *       (disabled on the portal as of October 2026); nothing here depends on it.
 *   <li>{@link #tariffComponentResources()} and {@link #tariffComponents(ComponentFilter)}: the
 *       tariff components, one file per year found through {@code package_show}, read from
 *       Parquet through DuckDB (when on the class path) or from CSV.
 *   <li>{@link #download(String)} and {@link #download(AneelDataset)}: a resource's bulk CSV,
 *       streamed row by row in constant memory (see {@link AneelCsv}); with a
 *       {@link DownloadCache} a conditional GET downloads nothing when the file did not change,
 *       and a truncated or corrupt download never replaces the cached copy.
 * </ul>
 *
 * <p><b>Resilience.</b> Every request is a GET, so every request is retried under the
 * {@link ResiliencePolicy} (by default 5 attempts, exponential backoff with full jitter capped at
 * 10 s, 3 minutes in all) when it fails with a retryable error: TLS handshake EOFs and other
 * connection failures, timeouts, 5xx answers and 429. A download with a cache is retried as a
 * whole, including a body that broke off; a download without a cache is retried until its
 * headers arrive, and a body that breaks off while you stream it fails with
 * {@link AneelException.Problem#TRUNCATED_DOWNLOAD}.
 *
 * <p><b>TLS.</b> The portal has been seen serving its chain without the Sectigo intermediate
 * certificate, which strict clients reject. Add the intermediate with
 * {@link Builder#additionalTrustedCertificates(Collection)} (keeps the JDK's trust anchors), or
 * replace the anchors with {@link Builder#trustStore(KeyStore)}.
 */
public final class AneelClient {

  /** The portal. */
  public static final String DEFAULT_BASE_URL = "https://dadosabertos.aneel.gov.br";

  /** The default policy: 30 s per attempt, 3 min in all, 5 attempts backing off from 250 ms to at most 10 s. */
  public static final ResiliencePolicy DEFAULT_POLICY =
      ResiliencePolicy.builder()
          .attemptTimeout(Duration.ofSeconds(30))
          .totalTimeout(Duration.ofMinutes(3))
          .retry(RetryPolicy.exponential(5, Duration.ofMillis(250), Duration.ofSeconds(10)))
          .build();

  private static final ObjectMapper JSON = Json.mapper();
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final HttpUrl base;
  private final OkHttpClient api;
  private final OkHttpClient files;
  private final Invoker invoker;
  private final DownloadCache cache;
  private final boolean validateBeforeCaching;
  private final long maxJsonBytes;
  private volatile Boolean sqlAvailable;

  /** The default {@link Builder#maxJsonBytes(long)}: 64 MiB. */
  public static final long DEFAULT_MAX_JSON_BYTES = 64L * 1024 * 1024;

  private AneelClient(Builder b) {
    HttpUrl parsed = HttpUrl.parse(b.baseUrl);
    if (parsed == null) {
      throw YshException.invalidArgument("baseUrl is not an http(s) URL: " + b.baseUrl);
    }
    this.base = parsed;
    this.maxJsonBytes = b.maxJsonBytes;
    HttpClients.Builder hb =
        HttpClients.builder("aneel")
            // always the policy's: retries are built on it
            .callTimeout(b.policy.attemptTimeout())
            .logLevel(b.logLevel)
            .userAgentSuffix(b.userAgentSuffix);
    if (b.httpClient != null) {
      // the caller's connect and read timeouts stand unless set on this builder
      hb.base(b.httpClient);
    }
    Duration connect = b.connectTimeout != null ? b.connectTimeout : b.httpClient == null ? DEFAULT_CONNECT_TIMEOUT : null;
    Duration read = b.readTimeout != null ? b.readTimeout : b.httpClient == null ? DEFAULT_READ_TIMEOUT : null;
    if (connect != null) {
      hb.connectTimeout(connect);
    }
    if (read != null) {
      hb.readTimeout(read);
    }
    if (b.sslSocketFactory != null) {
      hb.tls(b.sslSocketFactory, b.trustManager);
    }
    this.api = hb.build();
    // Bulk files take minutes: no bound on the whole call, only between bytes (read timeout).
    this.files = api.newBuilder().callTimeout(Duration.ZERO).build();
    this.invoker = Invoker.create("aneel", "ckan", b.telemetry, b.policy, AneelClient::mapError);
    this.cache = b.cache;
    this.validateBeforeCaching = b.validateBeforeCaching;
  }

  /**
   * Starts a client configuration.
   *
   * @return a builder with the portal's URL and {@link #DEFAULT_POLICY}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes a dataset and its resources.
   *
   * @param id the package's slug or UUID, such as {@code "tarifas-distribuidoras-energia-eletrica"}
   * @return the package
   * @throws YshException {@code NOT_FOUND} for an unknown package; transport errors after retries
   */
  public CkanPackage packageShow(String id) {
    requireText(id, "id");
    JsonNode result = action("package_show", id, Map.of("id", id));
    List<CkanResource> resources = new ArrayList<>();
    for (JsonNode r : result.path("resources")) {
      resources.add(resource(r, text(result, "id")));
    }
    return new CkanPackage(text(result, "id"), text(result, "name"), text(result, "title"), resources);
  }

  /**
   * Describes a resource.
   *
   * @param id the resource UUID, such as {@link AneelDataset#resourceId()}
   * @return the resource, with its download URL
   * @throws YshException {@code NOT_FOUND} for an unknown resource; transport errors after retries
   */
  public CkanResource resourceShow(String id) {
    requireText(id, "id");
    return resource(action("resource_show", id, Map.of("id", id)), null);
  }

  /**
   * Streams every record a datastore query matches, as typed records, fetching pages lazily as
   * the stream is consumed. The dataset's required columns are checked against the first page's
   * fields.
   *
   * @param <T> the record type
   * @param query the query
   * @param dataset how to read a record
   * @return a lazy, sequential stream
   * @throws YshException transport and portal errors, when the page that fails is fetched
   * @throws AneelException {@code MISSING_COLUMN}, {@code INVALID_VALUE} while streaming
   */
  public <T> Stream<T> datastoreSearch(DatastoreQuery query, AneelDataset<T> dataset) {
    Args.notNull(dataset, "dataset");
    return rows(query, dataset::check).map(dataset::map);
  }

  /**
   * Streams every record a datastore query matches, untyped. Values are text, with decimal
   * comma, as the portal returns them; {@code _id} (and {@code rank} with {@code q}) are columns.
   *
   * @param query the query
   * @return a lazy, sequential stream of rows
   * @throws YshException transport and portal errors, when the page that fails is fetched
   */
  public Stream<Row> datastoreSearch(DatastoreQuery query) {
    return rows(query, h -> {});
  }

  /**
   * Whether the portal answers {@code datastore_search_sql}. Asked once, then remembered.
   *
   * @return true when SQL queries are enabled
   * @throws YshException when the portal cannot be reached (that says nothing about the feature)
   */
  public boolean datastoreSqlAvailable() {
    Boolean known = sqlAvailable;
    if (known != null) {
      return known;
    }
    boolean available =
        invoker.call(
            "datastore_search_sql",
            "",
            true,
            () -> {
              HttpUrl url = actionUrl("datastore_search_sql").newBuilder().addQueryParameter("sql", "SELECT 1").build();
              try (Response r = api.newCall(new Request.Builder().url(url).get().build()).execute()) {
                int code = r.code();
                if (code >= 500 || code == 429) {
                  throw statusError("datastore_search_sql", r);
                }
                if (!r.isSuccessful()) {
                  return false;
                }
                JsonNode n = JSON.readTree(cappedJson("datastore_search_sql", r.body()));
                return n.path("success").asBoolean(false);
              }
            });
    sqlAvailable = available;
    return available;
  }

  /**
   * Downloads a resource's file (or opens the cached copy when the portal says it has not
   * changed).
   *
   * @param resourceIdOrUrl a resource UUID (resolved with {@link #resourceShow}), an absolute
   *     URL, or a path on the portal such as {@code /dataset/…/download/x.csv}
   * @return the download; close it
   * @throws AneelException {@code TRUNCATED_DOWNLOAD} or {@code CORRUPT_CSV} when the copy to be
   *     cached is incomplete or unreadable (the previous copy is kept)
   * @throws YshException transport and portal errors after retries
   */
  public Download download(String resourceIdOrUrl) {
    requireText(resourceIdOrUrl, "resourceIdOrUrl");
    String url = resolveDownloadUrl(resourceIdOrUrl);
    return invoker.call("download", url, true, () -> fetch(url));
  }

  /**
   * Downloads one of ANEEL's tables and streams its typed records.
   *
   * @param <T> the record type
   * @param dataset the table, such as {@link AneelDataset#TARIFFS}; its resource id is used
   * @return a lazy stream; close it (try-with-resources) to release the connection or file
   * @throws AneelException {@code MISSING_COLUMN} before the first row; others while streaming
   * @throws YshException transport and portal errors after retries
   */
  public <T> Stream<T> download(AneelDataset<T> dataset) {
    if (Args.notNull(dataset, "dataset").resourceId() == null) {
      throw YshException.invalidArgument("dataset " + dataset.name() + " has no resource id: use download(url).records(dataset)");
    }
    Download d = download(dataset.resourceId());
    try {
      return d.records(dataset);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /**
   * Lists the tariff-components files by year, from {@code package_show} of
   * {@code componentes-tarifarias} (resource ids are discovered, not hard-coded: the portal adds
   * one per year). A resource whose name and URL carry no year, or whose format is neither CSV
   * nor Parquet (the XML and JSON copies), is left out.
   *
   * @return the years, oldest first
   * @throws YshException {@code NOT_FOUND} when the portal has no such package; transport errors
   */
  public List<ComponentYear> tariffComponentResources() {
    CkanPackage p = packageShow(AneelDataset.TARIFF_COMPONENTS.packageId());
    java.util.TreeMap<Integer, CkanResource[]> byYear = new java.util.TreeMap<>();
    for (CkanResource r : p.resources()) {
      int year = ComponentYear.yearOf(r);
      String format = ComponentYear.formatOf(r);
      if (year < 0 || format == null) {
        continue;
      }
      CkanResource[] pair = byYear.computeIfAbsent(year, y -> new CkanResource[2]);
      int slot = format.equals("CSV") ? 0 : 1;
      // several files of one year and format: the latest modified wins
      if (pair[slot] == null || newer(r, pair[slot])) {
        pair[slot] = r;
      }
    }
    List<ComponentYear> out = new ArrayList<>();
    byYear.forEach((y, pair) -> out.add(new ComponentYear(y, pair[0], pair[1])));
    return out;
  }

  /**
   * Streams the tariff components that pass a filter, from the files of every year the filter's
   * date range can touch (a row in force on a day may have been published in the year before, so
   * one year earlier than the range is read too; all years without a range). Each year is read
   * from its Parquet file through DuckDB when the portal has one and {@link ParquetComponents}
   * is {@linkplain ParquetComponents#available() available}, else from its CSV, streamed row by
   * row. Downloads go through the {@link DownloadCache} when there is one; a Parquet file
   * downloaded without a directory cache is kept in a temporary file until the stream is closed.
   *
   * @param filter the rows wanted
   * @return a lazy stream; close it
   * @throws YshException {@code NOT_FOUND} when no year of the range is published;
   *     transport errors after retries
   * @throws AneelException {@code MISSING_COLUMN} when a file's header differs from ANEEL's
   *     data dictionary
   */
  public Stream<TariffComponent> tariffComponents(ComponentFilter filter) {
    return tariffComponents(filter, ParquetComponents.available());
  }

  /**
   * Like {@link #tariffComponents(ComponentFilter)}, choosing the format.
   *
   * @param filter the rows wanted
   * @param preferParquet false to read the CSV files even when DuckDB is available
   * @return a lazy stream; close it
   */
  public Stream<TariffComponent> tariffComponents(ComponentFilter filter, boolean preferParquet) {
    Args.notNull(filter, "filter");
    List<ComponentYear> years = new ArrayList<>();
    for (ComponentYear y : tariffComponentResources()) {
      boolean after = filter.to() != null && y.year() > filter.to().getYear();
      boolean before = filter.from() != null && y.year() < filter.from().getYear() - 1;
      if (!after && !before) {
        years.add(y);
      }
    }
    if (years.isEmpty()) {
      throw AneelException.of(
          AneelException.Problem.NOT_PUBLISHED,
          "the portal lists no tariff-components file for " + (filter.from() == null ? "any year" : "the years " + (filter.from().getYear() - 1) + ".." + (filter.to() == null ? "" : filter.to().getYear())));
    }
    Stream<TariffComponent> all = Stream.empty();
    for (ComponentYear y : years) {
      all = Stream.concat(all, Stream.of(y).flatMap(year -> openYear(year, filter, preferParquet)));
    }
    return all;
  }

  private Stream<TariffComponent> openYear(ComponentYear y, ComponentFilter filter, boolean preferParquet) {
    if (preferParquet && y.parquet() != null && ParquetComponents.available()) {
      return parquetYear(y.parquet(), filter);
    }
    CkanResource csv = y.csv();
    if (csv == null) {
      if (y.parquet() != null) {
        // only Parquet for that year: needs DuckDB, and says so if absent
        return parquetYear(y.parquet(), filter);
      }
      return Stream.empty();
    }
    Download d = download(csv.url() != null && !csv.url().isBlank() ? csv.url() : csv.id());
    try {
      return d.records(AneelDataset.TARIFF_COMPONENTS).filter(filter::test);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private Stream<TariffComponent> parquetYear(CkanResource r, ComponentFilter filter) {
    ParquetComponents.requireDuckDb(ParquetComponents.DUCKDB_DRIVER);
    java.nio.file.Path file;
    boolean temporary;
    try (Download d = download(r.url() != null && !r.url().isBlank() ? r.url() : r.id())) {
      Optional<java.nio.file.Path> cached = d.path();
      if (cached.isPresent()) {
        file = cached.get();
        temporary = false;
      } else {
        file = java.nio.file.Files.createTempFile("aneel-components-", ".parquet");
        temporary = true;
        try (InputStream in = d.body()) {
          java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
          java.nio.file.Files.deleteIfExists(file);
          throw e;
        }
      }
    } catch (IOException e) {
      throw Errors.classify(e);
    }
    java.nio.file.Path f = file;
    try {
      Stream<TariffComponent> s = ParquetComponents.read(file, filter);
      return temporary ? s.onClose(() -> deleteQuietly(f)) : s;
    } catch (RuntimeException e) {
      if (temporary) {
        deleteQuietly(f);
      }
      throw e;
    }
  }

  private static void deleteQuietly(java.nio.file.Path f) {
    try {
      java.nio.file.Files.deleteIfExists(f);
    } catch (IOException ignored) {
      // a temporary file: the OS cleans it eventually
    }
  }

  private static boolean newer(CkanResource a, CkanResource b) {
    return a.lastModified() != null && (b.lastModified() == null || a.lastModified().isAfter(b.lastModified()));
  }

  /**
   * The portal's base URL.
   *
   * @return the URL
   */
  public String baseUrl() {
    return base.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private Stream<Row> rows(DatastoreQuery query, java.util.function.Consumer<Header> check) {
    Args.notNull(query, "query");
    Iterator<Row> it = new DatastorePages(query, check);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Lazy paging: fetches the next page only when the previous one is consumed. */
  private final class DatastorePages implements Iterator<Row> {
    private final DatastoreQuery query;
    private final java.util.function.Consumer<Header> check;
    private final Deque<Row> buffer = new ArrayDeque<>();
    private long offset;
    private long total = -1;
    private long emitted;
    private Header header;

    DatastorePages(DatastoreQuery query, java.util.function.Consumer<Header> check) {
      this.query = query;
      this.check = check;
      this.offset = query.offset();
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty()) {
        if (query.maxRecords() >= 0 && emitted >= query.maxRecords()) {
          return false;
        }
        if (total >= 0 && offset >= total) {
          return false;
        }
        fetchPage();
      }
      return query.maxRecords() < 0 || emitted < query.maxRecords();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      emitted++;
      return buffer.removeFirst();
    }

    private void fetchPage() {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("resource_id", query.resourceId());
      if (!query.filters().isEmpty()) {
        Map<String, Object> f = new LinkedHashMap<>();
        query.filters().forEach((k, v) -> f.put(k, v.size() == 1 ? v.get(0) : v));
        try {
          params.put("filters", JSON.writeValueAsString(f));
        } catch (IOException e) {
          throw Errors.classify(e);
        }
      }
      if (query.q() != null) {
        params.put("q", query.q());
      }
      if (query.sort() != null) {
        params.put("sort", query.sort());
      }
      if (!query.fields().isEmpty()) {
        params.put("fields", String.join(",", query.fields()));
      }
      params.put("limit", Integer.toString(query.pageSize()));
      params.put("offset", Long.toString(offset));
      params.put("include_total", "true");
      JsonNode result = action("datastore_search", query.resourceId(), params);
      JsonNode t = result.get("total");
      if (t == null || !t.canConvertToLong()) {
        throw AneelException.of(AneelException.Problem.PORTAL_ERROR, "datastore_search answer has no total");
      }
      total = t.asLong();
      JsonNode l = result.get("limit");
      long pageSize = l != null && l.canConvertToLong() && l.asLong() > 0 ? l.asLong() : query.pageSize();
      JsonNode records = result.path("records");
      if (header == null) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : result.path("fields")) {
          names.add(f.path("id").asText());
        }
        if (names.isEmpty() && records.size() > 0) {
          records.get(0).fieldNames().forEachRemaining(names::add);
        }
        header = new Header(names);
        check.accept(header);
      }
      List<String> names = header.names();
      for (JsonNode rec : records) {
        List<String> values = new ArrayList<>(names.size());
        for (String name : names) {
          values.add(textOf(rec.get(name)));
        }
        JsonNode id = rec.get("_id");
        buffer.addLast(new Row(header, values, id != null && id.canConvertToLong() ? id.asLong() : offset + buffer.size() + 1));
      }
      offset += pageSize;
    }
  }

  private static String textOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (n.isNumber()) {
      return n.isIntegralNumber() ? n.asText() : Decimals.format(n.decimalValue());
    }
    return n.asText();
  }

  private HttpUrl actionUrl(String action) {
    return base.newBuilder().addPathSegments("api/3/action/" + action).build();
  }

  private JsonNode action(String action, String resource, Map<String, String> params) {
    return invoker.call(
        action,
        resource,
        true,
        () -> {
          HttpUrl.Builder ub = actionUrl(action).newBuilder();
          params.forEach(ub::addQueryParameter);
          try (Response r = api.newCall(new Request.Builder().url(ub.build()).get().build()).execute()) {
            if (!r.isSuccessful()) {
              throw statusError(action, r);
            }
            JsonNode n;
            try {
              n = JSON.readTree(cappedJson(action, r.body()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              throw AneelException.of(AneelException.Problem.PORTAL_ERROR, action + ": the answer is not JSON", e);
            }
            if (!n.path("success").asBoolean(false)) {
              throw ckanError(action, n, r.code());
            }
            return n.path("result");
          }
        });
  }

  private Download fetch(String url) throws IOException {
    Optional<DownloadCache.Entry> cached = cache == null ? Optional.empty() : cache.lookup(url);
    Request.Builder rb = new Request.Builder().url(url).get();
    cached.ifPresent(
        e -> {
          if (e.etag() != null) {
            rb.header("If-None-Match", e.etag());
          }
          if (e.lastModified() != null) {
            rb.header("If-Modified-Since", e.lastModified());
          }
        });
    Response resp = files.newCall(rb.build()).execute();
    boolean handedOff = false;
    try {
      if (resp.code() == 304 && cached.isPresent()) {
        DownloadCache.Entry e = cached.get();
        return new Download(url, true, true, e.etag(), e.lastModified(), e.size(), cache.open(e), cache.path(e).orElse(null));
      }
      if (!resp.isSuccessful()) {
        throw statusError("download", resp);
      }
      ResponseBody body = resp.body();
      long expected = body.contentLength();
      String etag = resp.header("ETag");
      String lastModified = resp.header("Last-Modified");
      if (cache == null) {
        handedOff = true;
        return new Download(url, false, false, etag, lastModified, expected, new LengthCheckingStream(body.byteStream(), expected, resp, url), null);
      }
      try (DownloadCache.Staging staging = cache.stage(url)) {
        long n;
        try (InputStream in = new LengthCheckingStream(body.byteStream(), expected, resp, url)) {
          n = in.transferTo(staging.output());
        } catch (IOException e) {
          if (AneelCsv.isTruncation(e)) {
            throw AneelException.of(
                AneelException.Problem.TRUNCATED_DOWNLOAD,
                "download of " + url + " broke off (" + e.getMessage() + "); the cached copy, if any, is kept",
                e);
          }
          throw e;
        }
        if (validateBeforeCaching && isParquet(staging)) {
          // a Parquet file has "PAR1" at both ends; a cut one lacks the footer
          if (!endsWithParquetMagic(staging, n)) {
            throw AneelException.of(
                AneelException.Problem.CORRUPT_CSV, "download of " + url + " (" + n + " bytes) is Parquet without its footer; the cached copy, if any, is kept");
          }
        } else if (validateBeforeCaching) {
          try (Stream<Row> rows = AneelCsv.rows(staging.reopen())) {
            rows.forEach(r -> {});
          } catch (AneelException e) {
            throw AneelException.of(
                e.problem(), "download of " + url + " (" + n + " bytes) is not readable CSV, the cached copy, if any, is kept: " + e.detail(), e);
          }
        }
        DownloadCache.Entry entry = staging.commit(etag, lastModified);
        return new Download(url, true, false, etag, lastModified, entry.size(), cache.open(entry), cache.path(entry).orElse(null));
      }
    } finally {
      if (!handedOff) {
        resp.close();
      }
    }
  }

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private static boolean isParquet(DownloadCache.Staging staging) throws IOException {
    try (InputStream in = staging.reopen()) {
      return java.util.Arrays.equals(in.readNBytes(4), PARQUET_MAGIC);
    }
  }

  private static boolean endsWithParquetMagic(DownloadCache.Staging staging, long size) throws IOException {
    if (size < 8) {
      return false;
    }
    try (InputStream in = staging.reopen()) {
      in.skipNBytes(size - 4);
      return java.util.Arrays.equals(in.readNBytes(4), PARQUET_MAGIC);
    }
  }

  /** Fails when the body ends before Content-Length; closes the response with the stream. */
  private static final class LengthCheckingStream extends FilterInputStream {
    private final long expected;
    private final Response response;
    private final String url;
    private long count;

    LengthCheckingStream(InputStream in, long expected, Response response, String url) {
      super(in);
      this.expected = expected;
      this.response = response;
      this.url = url;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        atEnd();
      } else {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        atEnd();
      } else {
        count += n;
      }
      return n;
    }

    private void atEnd() throws IOException {
      if (expected >= 0 && count != expected) {
        throw new AneelCsv.TruncatedException(url + ": got " + count + " of " + expected + " bytes");
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        response.close();
      }
    }
  }

  private String resolveDownloadUrl(String s) {
    if (s.startsWith("http://") || s.startsWith("https://")) {
      return s;
    }
    if (s.startsWith("/")) {
      HttpUrl u = base.resolve(s);
      if (u == null) {
        throw YshException.invalidArgument("not a path on the portal: " + s);
      }
      return u.toString();
    }
    CkanResource r = resourceShow(s);
    if (r.url() == null || r.url().isBlank()) {
      throw AneelException.of(AneelException.Problem.PORTAL_ERROR, "resource " + s + " has no download URL");
    }
    return resolveDownloadUrl(r.url());
  }

  private static CkanResource resource(JsonNode r, String packageId) {
    Instant lm = null;
    String lmText = text(r, "last_modified");
    if (lmText == null) {
      lmText = text(r, "metadata_modified");
    }
    if (lmText != null) {
      try {
        lm = lmText.endsWith("Z") ? Instant.parse(lmText) : LocalDateTime.parse(lmText).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        lm = null;
      }
    }
    JsonNode size = r.get("size");
    long sz = size != null && size.canConvertToLong() ? size.asLong() : -1;
    if (size != null && size.isTextual()) {
      try {
        sz = Long.parseLong(size.asText().strip());
      } catch (NumberFormatException ignored) {
        sz = -1;
      }
    }
    String pkg = text(r, "package_id");
    return new CkanResource(
        text(r, "id"),
        pkg != null ? pkg : packageId,
        text(r, "name"),
        text(r, "url"),
        text(r, "format"),
        lm,
        sz,
        r.path("datastore_active").asBoolean(false));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static YshException statusError(String action, Response r) {
    int code = r.code();
    String message = null;
    try {
      ResponseBody body = r.body();
      String text = body.source().request(64 * 1024) ? body.source().getBuffer().snapshot(64 * 1024).utf8() : body.string();
      JsonNode n = JSON.readTree(text);
      message = n.path("error").path("message").asText(null);
    } catch (IOException | RuntimeException ignored) {
      message = null;
    }
    String detail = action + ": HTTP " + code + (message == null ? "" : " (" + message + ")");
    YshException.Builder b = YshException.builder(Errors.forHttpStatus(code)).provider("aneel").detail(detail);
    // Delay-seconds or an HTTP date, at most a minute; a negative, huge or malformed value is
    // ignored (backoff decides) instead of escaping the error mapping.
    Errors.retryAfter(r.header("Retry-After"))
        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
        .ifPresent(b::retryAfter);
    return b.build();
  }

  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  // Reads a JSON answer of at most maxJsonBytes: a longer one fails as soon as the limit is
  // passed, without the rest being read into memory (streamed CSV downloads are not limited).
  private String cappedJson(String action, ResponseBody body) throws IOException {
    long declared = body.contentLength();
    if (declared > maxJsonBytes || body.source().request(maxJsonBytes + 1)) {
      throw AneelException.of(
          AneelException.Problem.PORTAL_ERROR,
          action
              + ": the JSON answer is larger than the "
              + maxJsonBytes
              + "-byte limit (AneelClient.Builder.maxJsonBytes); not read");
    }
    return body.string();
  }

  private static YshException ckanError(String action, JsonNode n, int status) {
    JsonNode err = n.path("error");
    String type = err.path("__type").asText("");
    String message = err.path("message").asText(err.toString());
    ErrorCode code = type.contains("Not Found") ? ErrorCode.NOT_FOUND : type.contains("Validation") ? ErrorCode.INVALID_ARGUMENT : ErrorCode.UNKNOWN;
    return YshException.builder(code).provider("aneel").detail(action + ": CKAN " + type + " (HTTP " + status + "): " + message).build();
  }

  private static YshException mapError(Throwable t) {
    if (t instanceof InterruptedIOException
        && !(t instanceof SocketTimeoutException)
        && "timeout".equals(t.getMessage())
        && !Thread.currentThread().isInterrupted()) {
      // OkHttp's call timeout
      return YshException.builder(ErrorCode.TIMEOUT).detail("call timed out").cause(t).build();
    }
    return Errors.classify(t);
  }

  private static void requireText(String s, String name) {
    if (s == null || s.isBlank()) {
      throw YshException.invalidArgument(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return "AneelClient[" + base + (cache == null ? "" : ", " + cache) + "]";
  }

  /** Configures an {@link AneelClient}. Not thread-safe. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private ResiliencePolicy policy = DEFAULT_POLICY;
    private Duration connectTimeout;
    private Duration readTimeout;
    private OkHttpClient httpClient;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private DownloadCache cache;
    private boolean validateBeforeCaching = true;
    private long maxJsonBytes = DEFAULT_MAX_JSON_BYTES;
    private Telemetry telemetry = Telemetry.defaults();
    private String userAgentSuffix;
    private HttpLogLevel logLevel = HttpLogLevel.BASIC;

    private Builder() {}

    /**
     * Sets the portal's URL (a test server's, for example).
     *
     * @param baseUrl such as {@code http://127.0.0.1:8080}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Args.notNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets timeouts and retries. The attempt timeout bounds each API call; bulk downloads are
     * bounded by the read timeout between bytes instead.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.policy = Args.notNull(policy, "policy");
      return this;
    }

    /**
     * Sends requests through your {@link OkHttpClient} instead of the SDK's shared one. The
     * client derives from yours ({@link OkHttpClient#newBuilder()}; yours is not changed), so it
     * shares its connection pool, dispatcher, proxy, DNS, TLS settings and event listener, and
     * keeps its interceptors, which run before the SDK's; the SDK adds its User-Agent and its
     * redacting logger. Several clients built from one {@code OkHttpClient} share its
     * connections.
     *
     * <p>Timeouts: connect, read and write keep your client's values unless
     * {@link #connectTimeout(Duration)} or {@link #readTimeout(Duration)} is set here. The call
     * timeout is always overridden: API calls are bounded by the resilience policy's attempt
     * timeout (retries are built on it), bulk downloads by the read timeout between bytes
     * only. TLS settings given here ({@link #trustStore}, {@link #additionalTrustedCertificates},
     * {@link #tls}) replace your client's. OkHttp's retry on connection failure is turned off;
     * the policy retries instead.
     *
     * @param client your client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Args.notNull(client, "client");
      return this;
    }

    /**
     * Sets the TCP connect timeout (default 10 s, or the {@linkplain #httpClient(OkHttpClient)
     * given client's}).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Args.notNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the read timeout between bytes (also what bounds a stalled bulk download); default
     * 30 s, or the {@linkplain #httpClient(OkHttpClient) given client's}.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Args.notNull(timeout, "timeout");
      return this;
    }

    /**
     * Trusts exactly the certificates of a trust store.
     *
     * @param trustStore the trust anchors
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when the store cannot back a trust manager
     */
    public Builder trustStore(KeyStore trustStore) {
      Args.notNull(trustStore, "trustStore");
      return tlsFrom(trustStore);
    }

    /**
     * Trusts the JDK's default anchors plus some certificates, such as the Sectigo intermediate
     * the portal fails to send.
     *
     * @param certificates the extra certificates
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when the trust store cannot be built
     */
    public Builder additionalTrustedCertificates(Collection<? extends X509Certificate> certificates) {
      Args.noNulls(certificates, "certificates");
      try {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : defaultTrustManager().getAcceptedIssuers()) {
          ks.setCertificateEntry("jdk-" + i++, c);
        }
        for (X509Certificate c : certificates) {
          ks.setCertificateEntry("extra-" + i++, c);
        }
        return tlsFrom(ks);
      } catch (GeneralSecurityException | IOException e) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT).detail("cannot build trust store: " + e.getMessage()).cause(e).build();
      }
    }

    /**
     * Uses a custom TLS configuration.
     *
     * @param sslSocketFactory the socket factory
     * @param trustManager the trust manager behind it
     * @return this builder
     */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Args.notNull(sslSocketFactory, "sslSocketFactory");
      this.trustManager = Args.notNull(trustManager, "trustManager");
      return this;
    }

    /**
     * Keeps downloads in a cache and asks the portal with conditional GETs.
     *
     * @param cache the cache, or null for none (each download streams straight from the portal)
     * @return this builder
     */
    public Builder cache(DownloadCache cache) {
      this.cache = cache;
      return this;
    }

    /**
     * Whether a download is parsed as CSV before it replaces the cached copy (default true;
     * costs one extra pass over the file on disk).
     *
     * @param validate false to check only the length
     * @return this builder
     */
    public Builder validateBeforeCaching(boolean validate) {
      this.validateBeforeCaching = validate;
      return this;
    }

    /**
     * Sets the largest JSON answer (datastore pages, package metadata) read into memory, default
     * {@link AneelClient#DEFAULT_MAX_JSON_BYTES}. A larger answer fails with {@code PORTAL_ERROR} as soon as
     * the limit is passed, without the rest being read. CSV downloads stream and are not limited.
     *
     * @param bytes the limit, at least 1
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when not positive
     */
    public Builder maxJsonBytes(long bytes) {
      if (bytes < 1) {
        throw YshException.invalidArgument("maxJsonBytes must be at least 1, got " + bytes);
      }
      this.maxJsonBytes = bytes;
      return this;
    }

    /**
     * Sets where observations of each call go.
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Appends to the User-Agent.
     *
     * @param suffix such as {@code "quote-service/1.4"}, or null
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Sets HTTP logging.
     *
     * @param level the level
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Args.notNull(level, "level");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws YshException {@code INVALID_ARGUMENT} for a malformed base URL
     */
    public AneelClient build() {
      return new AneelClient(this);
    }

    private Builder tlsFrom(KeyStore ks) {
      try {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = x509(tmf.getTrustManagers());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return tls(ctx.getSocketFactory(), tm);
      } catch (GeneralSecurityException e) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT).detail("cannot use trust store: " + e.getMessage()).cause(e).build();
      }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      return x509(tmf.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] tms) throws GeneralSecurityException {
      for (TrustManager t : tms) {
        if (t instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new GeneralSecurityException("no X509TrustManager");
    }
  }
}
