package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class BinariesTest {

  @Test
  void findsAProgramOnThePath() {
    assertThat(Binaries.find("sh"))
        .hasValueSatisfying(sh -> assertThat(sh).isAbsolute().isExecutable().hasFileName("sh"));
    assertThat(Binaries.require("sh", "apt-get install dash")).isExecutable();
  }

  @Test
  void checksAPathGivenInsteadOfAName() {
    Path sh = Binaries.find("sh").orElseThrow();
    assertThat(Binaries.find(sh.toString())).hasValue(sh);
    assertThat(Binaries.find("/nonexistent/sh")).isEmpty();
  }

  @Test
  void reportsAMissingProgramAsAbsent() {
    assertThat(Binaries.find("definitely-not-here-xyz")).isEmpty();
    assertThat(Binaries.find(" ")).isEmpty();
  }

  @Test
  void missingRequiredProgramSkipsTheTestWithHowToInstallIt() {
    assertThatThrownBy(() -> Binaries.require("definitely-not-here-xyz", "apt-get install xyz"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("'definitely-not-here-xyz' is not installed")
        .hasMessageContaining("/usr/sbin")
        .hasMessageContaining("install it with: apt-get install xyz");
  }

  @Test
  void ignoresFilesThatAreNotExecutable(@TempDir Path dir) throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
    assertThat(Binaries.find(notExecutable.toString())).isEmpty();
  }

  @Test
  void missingNpmProgramSkipsTheTest(@TempDir Path project) {
    assertThatThrownBy(() -> Binaries.requireNpmBinary(
            project.resolve("node_modules"), "azurite", "npm install azurite"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("'azurite' is not installed")
        .hasMessageContaining("node_modules/.bin/azurite")
        .hasMessageContaining("npm install azurite");
  }
}
