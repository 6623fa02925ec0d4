package io.ysh.testkit.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Class paths for servers that run in their own JVM from jars Maven copied into {@code target/}.
 *
 * <p>Servers such as S3Proxy, ElasticMQ and Kafka bring libraries that clash with the drivers'
 * (their own AWS SDK, Jackson, Scala), so they are never put on the test class path. Instead a
 * module's POM lets {@code maven-dependency-plugin} ({@code copy} or {@code copy-dependencies})
 * put them in a directory such as {@code target/s3proxy}, and the test runs
 * {@link ServerProcess.Builder#javaMain} with {@code MavenJars.classpath(Path.of("target/s3proxy"))}.
 */
public final class MavenJars {

  private MavenJars() {}

  /**
   * The jars in a directory (not its subdirectories), sorted by file name.
   *
   * @param directory the directory Maven copied the jars into, such as {@code target/kafka}
   * @return the jars' paths, absolute, at least one
   * @throws IllegalStateException if the directory is missing or holds no jar; the message says
   *     to run the Maven build that copies them
   * @throws UncheckedIOException if the directory cannot be read
   */
  public static List<Path> classpath(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(missing(dir, "does not exist"));
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files
          .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the jars in " + dir, e);
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException(missing(dir, "holds no jar"));
    }
    return List.copyOf(jars);
  }

  /**
   * The one jar in a directory whose file name starts with {@code fileNamePrefix}, for example
   * {@code jar(Path.of("target/s3proxy"), "s3proxy-")}.
   *
   * @param directory the directory Maven copied the jars into
   * @param fileNamePrefix the start of the jar's file name
   * @return the jar's absolute path
   * @throws IllegalStateException if the directory is missing, or not exactly one jar matches
   * @throws UncheckedIOException if the directory cannot be read
   */
  public static Path jar(Path directory, String fileNamePrefix) {
    Objects.requireNonNull(fileNamePrefix, "fileNamePrefix");
    List<Path> matching = classpath(directory).stream()
        .filter(p -> p.getFileName().toString().startsWith(fileNamePrefix))
        .collect(Collectors.toList());
    if (matching.size() != 1) {
      throw new IllegalStateException(
          (matching.isEmpty() ? "no jar" : matching.size() + " jars") + " in "
              + directory.toAbsolutePath().normalize() + " named " + fileNamePrefix + "*.jar"
              + (matching.isEmpty() ? "" : ": " + matching)
              + "; check the maven-dependency-plugin configuration of this module");
    }
    return matching.get(0);
  }

  /**
   * The class path of the running JVM ({@code java.class.path}), for example to run a test
   * fixture's main class in a separate JVM.
   *
   * @return the class path entries, in order
   */
  public static List<Path> currentClasspath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath());
      }
    }
    return List.copyOf(entries);
  }

  private static String missing(Path dir, String problem) {
    return dir + " " + problem + ": run `mvn verify` on this module first, so that"
        + " maven-dependency-plugin (dependency:copy or copy-dependencies) puts the server's jars"
        + " in target/";
  }
}
