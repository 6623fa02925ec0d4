package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenJarsTest {

  @Test
  void classpathListsTheDirectorysJarsSortedByName(@TempDir Path dir) throws Exception {
    Files.createFile(dir.resolve("zookeeper-3.9.jar"));
    Files.createFile(dir.resolve("kafka_2.13-4.1.1.jar"));
    Files.createFile(dir.resolve("README.txt"));
    Files.createFile(Files.createDirectories(dir.resolve("nested")).resolve("ignored.jar"));

    assertThat(MavenJars.classpath(dir))
        .containsExactly(dir.resolve("kafka_2.13-4.1.1.jar"), dir.resolve("zookeeper-3.9.jar"))
        .allSatisfy(jar -> assertThat(jar).isAbsolute());
  }

  @Test
  void missingDirectoryFailsSayingHowToGetTheJars(@TempDir Path dir) {
    assertThatThrownBy(() -> MavenJars.classpath(dir.resolve("s3proxy")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("s3proxy") + " does not exist")
        .hasMessageContaining("run `mvn verify`")
        .hasMessageContaining("maven-dependency-plugin");
  }

  @Test
  void directoryWithoutJarsFailsToo(@TempDir Path dir) {
    assertThatThrownBy(() -> MavenJars.classpath(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no jar");
  }

  @Test
  void jarPicksTheOneJarWithAPrefix(@TempDir Path dir) throws Exception {
    Files.createFile(dir.resolve("s3proxy-4.1.0-jar-with-dependencies.jar"));
    Files.createFile(dir.resolve("slf4j-api-2.0.17.jar"));
    Files.createFile(dir.resolve("slf4j-simple-2.0.17.jar"));

    assertThat(MavenJars.jar(dir, "s3proxy-")).hasFileName("s3proxy-4.1.0-jar-with-dependencies.jar");
    assertThatThrownBy(() -> MavenJars.jar(dir, "slf4j-"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 jars");
    assertThatThrownBy(() -> MavenJars.jar(dir, "kafka"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no jar");
  }

  @Test
  void currentClasspathHoldsThisTestsClasses() throws Exception {
    Path here = Path.of(MavenJarsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(MavenJars.currentClasspath()).isNotEmpty().contains(here.toAbsolutePath());
  }
}
