package io.ysh.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the configuration the application really runs with. */
class ReadmeTest {

  @Test
  void theReadmesApplicationYmlIsTheApplicationsOwn() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String start = "<!-- application.yml:start";
    String end = "<!-- application.yml:end -->";
    assertThat(readme).contains(start).contains(end);
    String block = readme.substring(readme.indexOf(start), readme.indexOf(end));
    block = block.substring(block.indexOf("```yaml\n") + "```yaml\n".length(), block.lastIndexOf("```"));
    assertThat(block).isEqualTo(Files.readString(Path.of("src/main/resources/application.yml")));
  }
}
