package io.ysh.testkit.aneel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ysh.aneel.AneelCsv;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.Row;
import io.ysh.core.json.Json;
import io.ysh.testkit.http.Exchanges;
import io.ysh.testkit.http.SimulatorServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * An in-process look-alike of ANEEL's CKAN portal ({@code dadosabertos.aneel.gov.br}) serving
 * CSV files you give it, for tests of code that talks to the portal. Built on the JDK's
 * {@code com.sun.net.httpserver}, bound to 127.0.0.1 on a free port (or {@link Builder#port(int)}'s).
 * Depends on no test framework: start it from a {@code main} (it has one, {@link #main}), JUnit,
 * TestNG or a Spring test alike.
 *
 * <p>What it reproduces, from the portal's observed behaviour:
 *
 * <ul>
 *   <li>{@code /api/3/action/package_show?id=} and {@code resource_show?id=} with the CKAN
 *       envelope ({@code success}, {@code result}), {@code last_modified} as naive UTC, sizes,
 *       download URLs; CKAN's 404 error envelope for unknown ids.
 *   <li>{@code datastore_search}: {@code resource_id}, {@code filters} (a JSON object, exact
 *       match, list values match any), {@code q} (case-insensitive substring over all fields;
 *       adds a {@code rank} column), {@code sort} ({@code "Col desc, Other"}, text order),
 *       {@code fields}, {@code limit} (default 100, capped silently at {@link #DEFAULT_MAX_LIMIT}
 *       and the cap echoed in {@code result.limit}), {@code offset}, {@code total}, and a
 *       relative {@code _links.next} that keeps appearing past the end. Every record has
 *       {@code _id}; every value is text as in the file, so decimals have a comma.
 *   <li>{@code datastore_search_sql}: disabled by default (400, "Action name not known"), as on
 *       the portal in October 2026.
 *   <li>Files at {@code /dataset/<package>/resource/<resource>/download/<file>} with
 *       {@code ETag}, {@code Last-Modified}, {@code Content-Length} and 304 answers to
 *       {@code If-None-Match}/{@code If-Modified-Since}.
 *   <li>Fault injection ({@link #fail}, {@link #drop}, {@link #delay}, {@link #truncate}): the
 *       next matching requests get a status, a dropped connection (as after a TLS EOF), a slow
 *       answer or a body cut short.
 * </ul>
 *
 * <p>Files are read with the ANEEL client's own CSV reader ({@code io.ysh.aneel.AneelCsv}), so
 * the simulator and the client agree on every publication quirk. Parquet resources
 * ({@code .parquet} file names, such as the tariff components' yearly files) are listed and
 * downloaded, and have no datastore, as on the portal.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class AneelSimulator implements AutoCloseable {

  /** The package of the tariff components, by its slug on the portal. */
  public static final String TARIFF_COMPONENTS_PACKAGE = "componentes-tarifarias";

  /** The portal's silent cap on {@code limit}. */
  public static final int DEFAULT_MAX_LIMIT = 32_000;

  /** Which requests a fault applies to. */
  public enum Target {
    /** {@code /api/3/action/...} calls. */
    API,
    /** File downloads. */
    DOWNLOAD,
    /** Every request. */
    ANY
  }

  /**
   * One request the simulator received.
   *
   * @param method the HTTP method
   * @param path the path
   * @param query the raw query, or null
   * @param ifNoneMatch the {@code If-None-Match} header, or null
   * @param ifModifiedSince the {@code If-Modified-Since} header, or null
   * @param status the status answered, or -1 when the connection was dropped
   */
  public record RecordedRequest(String method, String path, String query, String ifNoneMatch, String ifModifiedSince, int status) {}

  private static final ObjectMapper JSON = Json.mapper();
  private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private final SimulatorServer server;
  private final Map<String, Resource> resources = new ConcurrentHashMap<>();
  private final Map<String, String> packageTitles;
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final int maxLimit;
  private volatile boolean sqlEnabled;

  private AneelSimulator(Builder b) throws IOException {
    this.maxLimit = b.maxLimit;
    this.sqlEnabled = b.sqlEnabled;
    this.packageTitles = new ConcurrentHashMap<>(b.packageTitles);
    for (Resource r : b.resources) {
      resources.put(r.id, r);
    }
    this.server = SimulatorServer.start("aneel-simulator", b.port, this::handle);
  }

  /**
   * Runs a simulator by hand until the process is stopped, serving the files named on the
   * command line, and prints its base URL and each file's download URL:
   *
   * <pre>{@code
   * java -cp … io.ysh.testkit.aneel.AneelSimulator [port] NAME=FILE…
   * }</pre>
   *
   * <p>NAME is {@code tariffs}, {@code flag-activations}, {@code flag-surcharges} or
   * {@code distributed-generation} (served under the dataset's own package and resource ids, so
   * an {@code AneelClient} pointed at the simulator finds them as on the portal),
   * {@code components-<year>} (that year's tariff components: a {@code .csv} file, and
   * optionally a {@code .parquet} one with the same rows), or {@code <package>/<resource-id>}
   * for any other resource. Without a port, a free one is taken.
   *
   * @param args an optional port, then at least one {@code NAME=FILE}
   * @throws IOException when a file cannot be read or the port cannot be bound
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    try {
      launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
    Thread.currentThread().join();
  }

  private static final String USAGE =
      "usage: AneelSimulator [port] NAME=FILE...\n"
          + "  NAME: tariffs | flag-activations | flag-surcharges | distributed-generation\n"
          + "        | components-<year> (.csv, and optionally .parquet) | <package>/<resource-id>";

  /** What {@link #main} does, without blocking: parses, starts and prints. */
  static AneelSimulator launch(String[] args, PrintStream out) throws IOException {
    Builder b = builder();
    Map<Integer, byte[]> componentCsv = new TreeMap<>();
    Map<Integer, byte[]> componentParquet = new TreeMap<>();
    List<String> served = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        b.port(Integer.parseInt(arg));
        continue;
      }
      String name = arg.substring(0, eq);
      Path file = Path.of(arg.substring(eq + 1));
      byte[] content = Files.readAllBytes(file);
      String fileName = file.getFileName().toString();
      AneelDataset<?> dataset = DATASETS.get(name);
      if (dataset != null) {
        b.resource(dataset.packageId(), dataset.resourceId(), fileName, content);
        served.add(name + " " + dataset.resourceId());
      } else if (name.startsWith("components-")) {
        int year = Integer.parseInt(name.substring("components-".length()));
        (fileName.toLowerCase(Locale.ROOT).endsWith(".parquet") ? componentParquet : componentCsv).put(year, content);
      } else if (name.indexOf('/') > 0 && name.indexOf('/') < name.length() - 1) {
        int slash = name.indexOf('/');
        b.resource(name.substring(0, slash), name.substring(slash + 1), fileName, content);
        served.add(name);
      } else {
        throw new IllegalArgumentException("unknown resource name: " + name);
      }
    }
    for (Integer year : componentParquet.keySet()) {
      if (!componentCsv.containsKey(year)) {
        throw new IllegalArgumentException("components-" + year + " has a Parquet file but no CSV");
      }
    }
    componentCsv.forEach((year, csv) -> {
      b.tariffComponents(year, csv, componentParquet.get(year));
      served.add("components-" + year + (componentParquet.containsKey(year) ? " (CSV and Parquet)" : " (CSV)"));
    });
    if (served.isEmpty()) {
      throw new IllegalArgumentException("no file to serve");
    }
    AneelSimulator sim = b.start();
    out.println("ANEEL simulator at " + sim.baseUrl());
    served.forEach(s -> out.println("  " + s));
    out.flush();
    return sim;
  }

  private static final Map<String, AneelDataset<?>> DATASETS =
      Map.of(
          "tariffs", AneelDataset.TARIFFS,
          "flag-activations", AneelDataset.FLAG_ACTIVATIONS,
          "flag-surcharges", AneelDataset.FLAG_SURCHARGES,
          "distributed-generation", AneelDataset.DISTRIBUTED_GENERATION);

  /**
   * Starts configuring a simulator.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give the client, such as {@code http://127.0.0.1:41234}.
   *
   * @return the URL, without a trailing slash
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * The download URL of a resource.
   *
   * @param resourceId the resource id
   * @return the absolute URL
   */
  public String downloadUrl(String resourceId) {
    return baseUrl() + resource(resourceId).downloadPath();
  }

  /**
   * Replaces a resource's file, as a new publication does: new ETag, Last-Modified one second
   * later (at least), datastore reloaded.
   *
   * @param resourceId the resource id
   * @param content the new bytes
   */
  public void replaceFile(String resourceId, byte[] content) {
    Resource old = resource(resourceId);
    Instant lm = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (!lm.isAfter(old.lastModified)) {
      lm = old.lastModified.plusSeconds(1);
    }
    resources.put(resourceId, new Resource(old.packageId, old.id, old.fileName, content, lm));
  }

  /**
   * Turns {@code datastore_search_sql} on or off.
   *
   * @param enabled whether it answers
   */
  public void datastoreSqlEnabled(boolean enabled) {
    this.sqlEnabled = enabled;
  }

  /**
   * Answers the next {@code times} matching requests with an HTTP status and a CKAN error body.
   *
   * @param target which requests
   * @param times how many
   * @param status the status, such as 503
   * @return this simulator
   */
  public AneelSimulator fail(Target target, int times, int status) {
    return add(target, times, new Fault(target, Kind.STATUS, status, Duration.ZERO, 0));
  }

  /**
   * Drops the connection of the next {@code times} matching requests without answering, as the
   * portal's short TLS EOF outages do.
   *
   * @param target which requests
   * @param times how many
   * @return this simulator
   */
  public AneelSimulator drop(Target target, int times) {
    return add(target, times, new Fault(target, Kind.DROP, 0, Duration.ZERO, 0));
  }

  /**
   * Delays the next {@code times} matching requests before answering them normally.
   *
   * @param target which requests
   * @param times how many
   * @param delay how long
   * @return this simulator
   */
  public AneelSimulator delay(Target target, int times, Duration delay) {
    return add(target, times, new Fault(target, Kind.DELAY, 0, delay, 0));
  }

  /**
   * Sends only the first {@code bytes} bytes of the next {@code times} matching answers, with
   * the full Content-Length announced, then closes the connection.
   *
   * @param target which requests
   * @param times how many
   * @param bytes how many bytes to send
   * @return this simulator
   */
  public AneelSimulator truncate(Target target, int times, int bytes) {
    return add(target, times, new Fault(target, Kind.TRUNCATE, 0, Duration.ZERO, bytes));
  }

  /** Forgets faults not yet triggered. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * The requests received so far, oldest first.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "AneelSimulator[" + baseUrl() + ", " + resources.size() + " resources]";
  }

  // ---------------------------------------------------------------------------------------------

  private AneelSimulator add(Target target, int times, Fault f) {
    Objects.requireNonNull(target, "target");
    for (int i = 0; i < times; i++) {
      faults.add(f);
    }
    return this;
  }

  private Resource resource(String id) {
    Resource r = resources.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no resource " + id);
    }
    return r;
  }

  private Fault takeFault(boolean api) {
    for (Fault f : faults) {
      if (f.target == Target.ANY || (f.target == Target.API) == api) {
        if (faults.remove(f)) {
          return f;
        }
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    URI uri = ex.getRequestURI();
    String path = uri.getPath();
    boolean api = path.startsWith("/api/");
    try {
      Fault f = takeFault(api);
      if (f != null && f.kind == Kind.DROP) {
        // Close without a status line: the client sees the connection end, as after a TLS EOF.
        record(ex, -1);
        Exchanges.drop(ex);
        return;
      }
      if (f != null && f.kind == Kind.DELAY) {
        Exchanges.sleep(f.delay);
        if (Thread.currentThread().isInterrupted()) {
          ex.close(); // the simulator is closing
          return;
        }
      }
      if (f != null && f.kind == Kind.STATUS) {
        send(ex, json(f.status, error("Internal Server Error", "simulated failure " + f.status)));
        return;
      }
      Answer a = api ? api(path, uri.getRawQuery()) : download(ex, path);
      if (f != null && f.kind == Kind.TRUNCATE) {
        record(ex, a.status);
        Exchanges.sendTruncated(ex, a.status, a.headers, a.body, f.bytes);
      }
      send(ex, a);
    } catch (RuntimeException e) {
      send(ex, json(500, error("Internal Server Error", String.valueOf(e))));
    }
  }

  /** Recorded before the answer is sent, so a client that has its answer sees its request here. */
  private void record(HttpExchange ex, int status) {
    URI uri = ex.getRequestURI();
    requests.add(
        new RecordedRequest(
            ex.getRequestMethod(),
            uri.getPath(),
            uri.getRawQuery(),
            ex.getRequestHeaders().getFirst("If-None-Match"),
            ex.getRequestHeaders().getFirst("If-Modified-Since"),
            status));
  }

  private Answer api(String path, String rawQuery) throws IOException {
    Map<String, String> q = Exchanges.query(rawQuery);
    String action = path.substring(path.lastIndexOf('/') + 1);
    switch (action) {
      case "package_show":
        return packageShow(q.get("id"));
      case "resource_show":
        {
          Resource r = resources.get(String.valueOf(q.get("id")));
          if (r == null) {
            return json(404, error("Not Found Error", "Not found: Resource was not found."));
          }
          return json(200, ok(resourceJson(r)));
        }
      case "datastore_search":
        return datastoreSearch(q);
      case "datastore_search_sql":
        if (!sqlEnabled) {
          return json(400, error("Bad Request", "Bad request - Action name not known: datastore_search_sql"));
        }
        {
          ObjectNode result = JSON.createObjectNode();
          result.putArray("records").addObject().put("?column?", 1);
          result.putArray("fields").addObject().put("id", "?column?").put("type", "int4");
          result.put("sql", q.getOrDefault("sql", ""));
          return json(200, ok(result));
        }
      default:
        return json(400, error("Bad Request", "Bad request - Action name not known: " + action));
    }
  }

  private Answer packageShow(String id) {
    List<Resource> rs = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (r.packageId.equals(id)) {
        rs.add(r);
      }
    }
    if (rs.isEmpty()) {
      return json(404, error("Not Found Error", "Not found"));
    }
    rs.sort(Comparator.comparing(r -> r.id));
    ObjectNode result = JSON.createObjectNode();
    result.put("id", uuidLike(id));
    result.put("name", id);
    result.put("title", packageTitles.getOrDefault(id, id));
    result.put("num_resources", rs.size());
    ArrayNode arr = result.putArray("resources");
    for (Resource r : rs) {
      arr.add(resourceJson(r));
    }
    return json(200, ok(result));
  }

  private ObjectNode resourceJson(Resource r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", r.id);
    n.put("package_id", uuidLike(r.packageId));
    n.put("name", r.fileName.replaceFirst("\\.(csv|parquet)$", ""));
    n.put("format", r.isParquet() ? "PARQUET" : "CSV");
    n.put("url", baseUrl() + r.downloadPath());
    n.put("last_modified", LocalDateTime.ofInstant(r.lastModified, ZoneOffset.UTC).format(CKAN_TIME));
    n.put("size", r.content.length);
    n.put("datastore_active", !r.isParquet());
    n.put("mimetype", r.isParquet() ? "application/vnd.apache.parquet" : "text/csv");
    return n;
  }

  private Answer datastoreSearch(Map<String, String> q) throws IOException {
    Resource r = resources.get(String.valueOf(q.get("resource_id")));
    if (r == null) {
      return json(404, error("Not Found Error", "Not found: Resource \"" + q.get("resource_id") + "\" was not found."));
    }
    if (r.isParquet()) {
      return json(404, error("Not Found Error", "Not found: Resource \"" + r.id + "\" has no datastore (not a CSV)."));
    }
    Table t = r.table();
    int limit = 100;
    long offset = 0;
    try {
      if (q.containsKey("limit")) {
        limit = Integer.parseInt(q.get("limit"));
      }
      if (q.containsKey("offset")) {
        offset = Long.parseLong(q.get("offset"));
      }
    } catch (NumberFormatException e) {
      return json(409, error("Validation Error", "limit/offset: Invalid integer"));
    }
    if (limit < 0 || offset < 0) {
      return json(409, error("Validation Error", "limit/offset must be a natural number"));
    }
    limit = Math.min(limit, maxLimit);
    List<Map<String, String>> rows = new ArrayList<>(t.rows);
    String filters = q.get("filters");
    if (filters != null && !filters.isBlank()) {
      JsonNode f = JSON.readTree(filters);
      if (!f.isObject()) {
        return json(409, error("Validation Error", "filters: Not a json object"));
      }
      for (var e : f.properties()) {
        if (!t.columns.contains(e.getKey())) {
          return json(409, error("Validation Error", "filters: field \"" + e.getKey() + "\" not in table"));
        }
        List<String> accepted = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> accepted.add(v.asText()));
        } else {
          accepted.add(e.getValue().asText());
        }
        rows.removeIf(row -> !accepted.contains(row.get(e.getKey())));
      }
    }
    String text = q.get("q");
    boolean ranked = text != null && !text.isBlank();
    if (ranked) {
      String needle = text.toLowerCase(Locale.ROOT);
      rows.removeIf(row -> row.values().stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle)));
    }
    String sort = q.get("sort");
    if (sort != null && !sort.isBlank()) {
      Comparator<Map<String, String>> cmp = null;
      for (String part : sort.split(",")) {
        String[] p = part.strip().split("\\s+");
        String col = p[0].replace("\"", "");
        if (!t.columns.contains(col) && !col.equals("_id")) {
          return json(409, error("Validation Error", "sort: field \"" + col + "\" not in table"));
        }
        Comparator<Map<String, String>> c =
            col.equals("_id")
                ? Comparator.comparingLong(m -> Long.parseLong(m.get("_id")))
                : Comparator.comparing(m -> m.getOrDefault(col, ""));
        if (p.length > 1 && p[1].equalsIgnoreCase("desc")) {
          c = c.reversed();
        }
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
      rows.sort(cmp);
    }
    List<String> fields = new ArrayList<>();
    fields.add("_id");
    fields.addAll(t.columns);
    if (ranked) {
      fields.add("rank");
    }
    String fieldParam = q.get("fields");
    if (fieldParam != null && !fieldParam.isBlank()) {
      List<String> wanted = new ArrayList<>();
      for (String s : fieldParam.split(",")) {
        String name = s.strip();
        if (!fields.contains(name)) {
          return json(409, error("Validation Error", "fields: field \"" + name + "\" not in table"));
        }
        wanted.add(name);
      }
      fields = wanted;
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("include_total", true);
    result.put("resource_id", r.id);
    ArrayNode fa = result.putArray("fields");
    for (String fName : fields) {
      fa.addObject().put("id", fName).put("type", fName.equals("_id") ? "int" : fName.equals("rank") ? "float" : "text");
    }
    result.put("records_format", "objects");
    ArrayNode recs = result.putArray("records");
    int end = (int) Math.min(rows.size(), offset + limit);
    for (int i = (int) Math.min(offset, rows.size()); i < end; i++) {
      Map<String, String> row = rows.get(i);
      ObjectNode rec = recs.addObject();
      for (String fName : fields) {
        if (fName.equals("_id")) {
          rec.put("_id", Long.parseLong(row.get("_id")));
        } else if (fName.equals("rank")) {
          rec.put("rank", 0.0573088);
        } else {
          rec.put(fName, row.get(fName));
        }
      }
    }
    result.put("limit", limit);
    if (offset > 0) {
      result.put("offset", offset);
    }
    result.put("total", rows.size());
    ObjectNode links = result.putObject("_links");
    String base = "/api/3/action/datastore_search?resource_id=" + r.id;
    links.put("start", base);
    links.put("next", base + "&offset=" + (offset + limit));
    return json(200, ok(result));
  }

  private Answer download(HttpExchange ex, String path) {
    for (Resource r : resources.values()) {
      if (r.downloadPath().equals(path)) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", r.etag);
        headers.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(r.lastModified.atZone(ZoneOffset.UTC)));
        headers.put("Content-Type", r.isParquet() ? "application/vnd.apache.parquet" : "text/csv");
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        boolean notModified;
        if (inm != null) {
          notModified = inm.equals(r.etag) || inm.equals("*");
        } else if (ims != null) {
          notModified = notModifiedSince(ims, r.lastModified);
        } else {
          notModified = false;
        }
        if (notModified) {
          return new Answer(304, new byte[0], headers);
        }
        return new Answer(200, r.content, headers);
      }
    }
    return new Answer(404, "Not found".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain"));
  }

  private static boolean notModifiedSince(String ims, Instant lastModified) {
    try {
      Instant since = ZonedDateTime.parse(ims, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !lastModified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void send(HttpExchange ex, Answer a) throws IOException {
    record(ex, a.status);
    Exchanges.send(ex, a.status, a.headers, a.body);
  }

  private static Answer json(int status, JsonNode body) {
    try {
      return new Answer(status, JSON.writeValueAsBytes(body), Map.of("Content-Type", "application/json;charset=utf-8"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode ok(JsonNode result) {
    ObjectNode n = JSON.createObjectNode();
    n.put("help", "https://dadosabertos.aneel.gov.br/api/3/action/help_show");
    n.put("success", true);
    n.set("result", result);
    return n;
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode n = JSON.createObjectNode();
    n.put("help", "https://dadosabertos.aneel.gov.br/api/3/action/help_show");
    n.put("success", false);
    ObjectNode e = n.putObject("error");
    e.put("__type", type);
    e.put("message", message);
    return n;
  }

  private static String uuidLike(String s) {
    String h = sha(s.getBytes(StandardCharsets.UTF_8));
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
  }

  private static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private enum Kind {
    STATUS,
    DROP,
    DELAY,
    TRUNCATE
  }

  private record Fault(Target target, Kind kind, int status, Duration delay, int bytes) {}

  private record Answer(int status, byte[] body, Map<String, String> headers) {}

  private static final class Table {
    final List<String> columns;
    final List<Map<String, String>> rows;

    Table(List<String> columns, List<Map<String, String>> rows) {
      this.columns = columns;
      this.rows = rows;
    }
  }

  private static final class Resource {
    final String packageId;
    final String id;
    final String fileName;
    final byte[] content;
    final Instant lastModified;
    final String etag;
    private volatile Table table;

    Resource(String packageId, String id, String fileName, byte[] content, Instant lastModified) {
      this.packageId = packageId;
      this.id = id;
      this.fileName = fileName;
      this.content = content;
      this.lastModified = lastModified;
      this.etag = "\"" + sha(content).substring(0, 16) + "\"";
    }

    String downloadPath() {
      return "/dataset/" + packageId + "/resource/" + id + "/download/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    }

    boolean isParquet() {
      return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The datastore table: the file read by the client's own CSV reader (io.ysh.aneel.AneelCsv). */
    Table table() {
      Table t = table;
      if (t == null) {
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Stream<Row> s = AneelCsv.rows(new ByteArrayInputStream(content))) {
          s.forEachOrdered(
              row -> {
                if (columns.isEmpty()) {
                  columns.addAll(row.columns());
                }
                Map<String, String> m = new LinkedHashMap<>();
                m.put("_id", Integer.toString(rows.size() + 1));
                for (String c : columns) {
                  m.put(c, row.text(c));
                }
                rows.add(m);
              });
        }
        t = new Table(List.copyOf(columns), Collections.unmodifiableList(rows));
        table = t;
      }
      return t;
    }
  }

  /** Configures an {@link AneelSimulator}. Not thread-safe. */
  public static final class Builder {
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, String> packageTitles = new LinkedHashMap<>();
    private int maxLimit = DEFAULT_MAX_LIMIT;
    private boolean sqlEnabled;
    private Instant lastModified = Instant.parse("2026-10-01T06:00:00Z");
    private int port;

    private Builder() {}

    /**
     * Binds to a fixed port instead of a free one (for running the simulator by hand).
     *
     * @param port the port on 127.0.0.1, 0 for a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Serves a CSV file as a resource of a package (its datastore table is the file's rows).
     *
     * @param packageId the package slug, such as {@code "tarifas-distribuidoras-energia-eletrica"}
     * @param resourceId the resource id
     * @param fileName the file name in the download URL
     * @param content the file's bytes, in any encoding ANEEL uses
     * @return this builder
     */
    public Builder resource(String packageId, String resourceId, String fileName, byte[] content) {
      resources.add(new Resource(packageId, resourceId, fileName, content.clone(), lastModified));
      return this;
    }

    /**
     * Serves one year of ANEEL's tariff components ({@code componentes-tarifarias}) the way the
     * portal lists them: a CSV resource and, when given, a Parquet resource with the same rows,
     * named {@code componentes-tarifarias-<year>.csv} / {@code .parquet} in package
     * {@value #TARIFF_COMPONENTS_PACKAGE}. Their ids are derived from the year, so a client must
     * find them through {@code package_show}, as on the portal. The Parquet bytes are served as
     * given (make them with any Parquet writer, DuckDB for example).
     *
     * @param year the year
     * @param csv the CSV file
     * @param parquet the same rows as Parquet, or null to publish only the CSV
     * @return this builder
     */
    public Builder tariffComponents(int year, byte[] csv, byte[] parquet) {
      Objects.requireNonNull(csv, "csv");
      packageTitles.putIfAbsent(TARIFF_COMPONENTS_PACKAGE, "Componentes Tarifárias");
      String name = TARIFF_COMPONENTS_PACKAGE + "-" + year;
      resource(TARIFF_COMPONENTS_PACKAGE, uuidLike(name + ".csv"), name + ".csv", csv);
      if (parquet != null) {
        resource(TARIFF_COMPONENTS_PACKAGE, uuidLike(name + ".parquet"), name + ".parquet", parquet);
      }
      return this;
    }

    /**
     * Sets a package's title.
     *
     * @param packageId the package slug
     * @param title the title
     * @return this builder
     */
    public Builder packageTitle(String packageId, String title) {
      packageTitles.put(packageId, title);
      return this;
    }

    /**
     * Sets the Last-Modified of resources added after this call.
     *
     * @param lastModified the instant (whole seconds)
     * @return this builder
     */
    public Builder lastModified(Instant lastModified) {
      this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
      return this;
    }

    /**
     * Sets the silent cap on {@code limit} (32,000 on the portal).
     *
     * @param maxLimit the cap, positive
     * @return this builder
     */
    public Builder maxLimit(int maxLimit) {
      if (maxLimit < 1) {
        throw new IllegalArgumentException("maxLimit must be positive");
      }
      this.maxLimit = maxLimit;
      return this;
    }

    /**
     * Enables {@code datastore_search_sql} (off by default, as on the portal).
     *
     * @param enabled whether it answers
     * @return this builder
     */
    public Builder datastoreSqlEnabled(boolean enabled) {
      this.sqlEnabled = enabled;
      return this;
    }

    /**
     * Starts the server on 127.0.0.1, on a free port unless {@link #port(int)} set one.
     *
     * @return the running simulator
     * @throws IOException when the server cannot start
     */
    public AneelSimulator start() throws IOException {
      return new AneelSimulator(this);
    }
  }
}
