package io.ysh.testkit.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

/**
 * What a partner gets: the artifact's runtime class path (as Maven resolves it for a consumer,
 * written by the build to {@code target/runtime-*.txt}) holds no test framework and no capability
 * API, and the simulator's {@code main} runs on exactly that class path.
 */
class AsaasSimulatorMainTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** io.ysh artifacts allowed at runtime: everything else of ours would be a capability API or test support. */
  private static final List<String> OURS = List.of("io.ysh:ysh-core", "io.ysh:ysh-simulator-http");

  /** Test frameworks and their companions, which must never reach a consumer through the simulator. */
  private static final Pattern TEST_LIBRARIES =
      Pattern.compile("^(org\\.junit[.:].*|org\\.assertj:.*|org\\.quicktheories:.*|org\\.opentest4j:.*|org\\.apiguardian:.*"
          + "|org\\.testng:.*|org\\.mockito:.*|org\\.wiremock:.*|org\\.hamcrest:.*)");

  static List<String> runtimeDependencies() throws Exception {
    Path file = Path.of(System.getProperty("ysh.runtime.dependencies"));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+:.*:(compile|runtime)\\b").matcher(Files.readString(file));
    while (m.find()) {
      out.add(m.group(1) + ":" + m.group(2));
    }
    return out;
  }

  @Test
  void runtimeClasspathHasNoTestFrameworkAndNoCapabilityApi() throws Exception {
    List<String> deps = runtimeDependencies();
    assertThat(deps).as("runtime dependencies").contains("io.ysh:ysh-core", "io.ysh:ysh-simulator-http");
    assertThat(deps).filteredOn(d -> d.startsWith("io.ysh:")).allMatch(OURS::contains, "only " + OURS);
    assertThat(deps).noneMatch(d -> TEST_LIBRARIES.matcher(d).matches());
  }

  @Test
  void launchParsesThePortAndStrictModeAndPrintsTheBaseUrlAndKey() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (AsaasSimulator sim = AsaasSimulator.launch(new String[] {"0", "--strict"}, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertThat(sim.strict()).isTrue();
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Asaas simulator at " + sim.baseUrl())
          .contains("access_token: " + AsaasSimulator.DEFAULT_API_KEY);
      assertThat(customers(sim.baseUrl()).statusCode()).isEqualTo(200);
    }
    assertThatThrownBy(() -> AsaasSimulator.launch(new String[] {"eighty"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mainServesFromItsOwnJvmOnTheRuntimeClasspathAlone() throws Exception {
    String classpath = System.getProperty("ysh.runtime.classes") + File.pathSeparator
        + Files.readString(Path.of(System.getProperty("ysh.runtime.classpath"))).strip();
    Path stderr = Files.createTempFile("asaas-simulator-main", ".err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, AsaasSimulator.class.getName())
        .redirectError(stderr.toFile())
        .start();
    try {
      String first = firstLine(p, Duration.ofSeconds(120));
      assertThat(first).as("first line of stdout (stderr in %s)", stderr).startsWith("Asaas simulator at http://127.0.0.1:");
      String baseUrl = first.substring("Asaas simulator at ".length()).strip();
      HttpResponse<String> r = customers(baseUrl);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"data\"");
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(stderr);
    }
  }

  private static HttpResponse<String> customers(String baseUrl) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/customers"))
            .header("access_token", AsaasSimulator.DEFAULT_API_KEY)
            .header("User-Agent", "main-test")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The process's first line of output, awaited up to a deadline (the JVM may start slowly on a loaded machine). */
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
    }, "asaas-main-stdout");
    reader.setDaemon(true);
    reader.start();
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return line == null ? "<no output within " + timeout + ">" : line;
  }
}
