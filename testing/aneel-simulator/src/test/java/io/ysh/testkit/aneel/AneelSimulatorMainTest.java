package io.ysh.testkit.aneel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.aneel.ComponentYear;
import io.ysh.aneel.TariffFlagActivation;
import io.ysh.aneel.TariffRecord;
import io.ysh.core.http.HttpLogLevel;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a partner gets: the artifact's runtime class path (as Maven resolves it for a consumer,
 * written by the build to {@code target/runtime-*.txt}) holds no test framework and no capability
 * API, and the simulator's {@code main} serves files named on its command line from a JVM of its
 * own on exactly that class path.
 */
class AneelSimulatorMainTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** io.ysh artifacts allowed at runtime: the client is there for its CSV reader, and depends on core alone. */
  private static final List<String> OURS = List.of("io.ysh:ysh-core", "io.ysh:ysh-simulator-http", "io.ysh:ysh-integrations-aneel");

  private static final Pattern TEST_LIBRARIES =
      Pattern.compile("^(org\\.junit[.:].*|org\\.assertj:.*|org\\.quicktheories:.*|org\\.opentest4j:.*|org\\.apiguardian:.*"
          + "|org\\.testng:.*|org\\.mockito:.*|org\\.wiremock:.*|org\\.hamcrest:.*)");

  @TempDir Path dir;

  @Test
  void runtimeClasspathHasNoTestFrameworkAndNoCapabilityApi() throws Exception {
    List<String> deps = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+:.*:(compile|runtime)\\b")
        .matcher(Files.readString(Path.of(System.getProperty("ysh.runtime.dependencies"))));
    while (m.find()) {
      deps.add(m.group(1) + ":" + m.group(2));
    }
    assertThat(deps).as("runtime dependencies").containsAll(OURS);
    assertThat(deps).filteredOn(d -> d.startsWith("io.ysh:")).allMatch(OURS::contains, "only " + OURS);
    assertThat(deps).noneMatch(d -> TEST_LIBRARIES.matcher(d).matches());
    // integrations-aneel's optional dependencies (DuckDB, the storage API) stay out
    assertThat(deps).doesNotContain("org.duckdb:duckdb_jdbc", "io.ysh:ysh-storage-api");
  }

  @Test
  void launchServesNamedDatasetsComponentsAndAnyResourceWhereTheClientLooks() throws Exception {
    Path tariffs = write("tarifas.csv", Fixtures.bytes(Fixtures.TARIFFS));
    Path flags = write("bandeiras.csv", Fixtures.bytes(Fixtures.FLAGS_LATIN1_LF));
    Path components = write("componentes-2026.csv", Fixtures.componentsCsv());
    Path other = write("other.csv", Fixtures.bytes(Fixtures.SURCHARGES));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String[] args = {"0", "tariffs=" + tariffs, "flag-activations=" + flags, "components-2026=" + components, "my-package/my-resource=" + other};
    try (AneelSimulator sim = AneelSimulator.launch(args, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("ANEEL simulator at " + sim.baseUrl())
          .contains("tariffs", "flag-activations", "components-2026 (CSV)", "my-package/my-resource");
      AneelClient client = AneelClient.builder().baseUrl(sim.baseUrl()).logLevel(HttpLogLevel.NONE).build();
      try (Stream<TariffRecord> t = client.download(AneelDataset.TARIFFS)) {
        assertThat(t.count()).isEqualTo(Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS).size());
      }
      try (Stream<TariffFlagActivation> f = client.download(AneelDataset.FLAG_ACTIVATIONS)) {
        assertThat(f.count()).isPositive();
      }
      assertThat(client.tariffComponentResources()).extracting(ComponentYear::year).containsExactly(2026);
      assertThat(client.resourceShow("my-resource").packageId()).isNotBlank();
    }
  }

  @Test
  void launchRefusesWhatItCannotServe() throws Exception {
    Path csv = write("x.csv", Fixtures.bytes(Fixtures.TARIFFS));
    Path parquet = write("x.parquet", new byte[] {1});
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AneelSimulator.launch(new String[] {"0"}, quiet)).hasMessageContaining("no file to serve");
    assertThatThrownBy(() -> AneelSimulator.launch(new String[] {"nonsense=" + csv}, quiet)).hasMessageContaining("unknown resource name: nonsense");
    assertThatThrownBy(() -> AneelSimulator.launch(new String[] {"components-2026=" + parquet}, quiet)).hasMessageContaining("no CSV");
    assertThatThrownBy(() -> AneelSimulator.launch(new String[] {"components-twenty=" + csv}, quiet)).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void mainServesFromItsOwnJvmOnTheRuntimeClasspathAlone() throws Exception {
    Path tariffs = write("tarifas.csv", Fixtures.bytes(Fixtures.TARIFFS));
    String classpath = System.getProperty("ysh.runtime.classes") + File.pathSeparator
        + Files.readString(Path.of(System.getProperty("ysh.runtime.classpath"))).strip();
    Path stderr = dir.resolve("main.err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, AneelSimulator.class.getName(), "tariffs=" + tariffs)
        .redirectError(stderr.toFile())
        .start();
    try {
      String first = firstLine(p, Duration.ofSeconds(120));
      assertThat(first).as("first line of stdout (stderr: %s)", stderr).startsWith("ANEEL simulator at http://127.0.0.1:");
      String baseUrl = first.substring("ANEEL simulator at ".length()).strip();
      HttpResponse<String> r = HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/3/action/datastore_search?resource_id=" + AneelDataset.TARIFFS.resourceId() + "&limit=1"))
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"success\":true", "\"total\":" + Fixtures.read(Fixtures.TARIFFS, AneelDataset.TARIFFS).size());
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private static String firstLine(Process p, Duration timeout) throws InterruptedException {
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line = r.readLine();
        lines.offer(line == null ? "<exited " + p.waitFor() + ">" : line);
        while (r.readLine() != null) {
          // drain, so the child never blocks on a full pipe
        }
      } catch (Exception e) {
        lines.offer("<" + e + ">");
      }
    }, "aneel-main-stdout");
    reader.setDaemon(true);
    reader.start();
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return line == null ? "<no output within " + timeout + ">" : line;
  }
}
