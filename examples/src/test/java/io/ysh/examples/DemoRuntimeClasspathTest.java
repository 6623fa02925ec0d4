package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo runs from {@code main} with the simulators at compile scope: no test framework may
 * come with them. Reads the runtime dependency list Maven resolved for this module (written by the
 * build to {@code target/runtime-dependencies.txt}).
 */
class DemoRuntimeClasspathTest {

  private static final Pattern TEST_LIBRARIES =
      Pattern.compile("^(org\\.junit[.:].*|org\\.assertj:.*|org\\.quicktheories:.*|org\\.opentest4j:.*|org\\.apiguardian:.*"
          + "|org\\.testng:.*|org\\.mockito:.*|org\\.wiremock:.*|org\\.hamcrest:.*"
          + "|io\\.ysh:ysh-test-.*|io\\.ysh:ysh-.*-conformance)");

  @Test
  void theDemosRuntimeClasspathHasTheSimulatorsAndNoTestLibrary() throws Exception {
    List<String> deps = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+:.*:(compile|runtime)\\b")
        .matcher(Files.readString(Path.of(System.getProperty("ysh.runtime.dependencies"))));
    while (m.find()) {
      deps.add(m.group(1) + ":" + m.group(2));
    }
    assertThat(deps).contains("io.ysh:ysh-asaas-simulator", "io.ysh:ysh-aneel-simulator", "io.ysh:ysh-core");
    assertThat(deps).noneMatch(d -> TEST_LIBRARIES.matcher(d).matches());
  }
}
