package io.ysh.testkit.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * Finds the programs that tests run as servers ({@code redis-server}, {@code moto_server},
 * Node.js programs), and skips a test with a clear reason when one is not installed.
 *
 * <pre>{@code
 * Path redis = Binaries.require("redis-server", "apt-get install redis-server");
 * }</pre>
 *
 * <p>A test that needs a missing program is <em>skipped</em> (JUnit reports it as aborted, with
 * the reason), never silently passed and never failed for want of a package.
 */
public final class Binaries {

  /** Searched after {@code PATH}: where Debian packages and local installs put programs. */
  private static final List<String> COMMON_DIRECTORIES =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private Binaries() {}

  /**
   * Looks for an executable program: in every directory of {@code PATH}, then in
   * {@code /usr/local/sbin}, {@code /usr/local/bin}, {@code /usr/sbin}, {@code /usr/bin},
   * {@code /sbin} and {@code /bin} (test JVMs often run with a short {@code PATH}). A name
   * that contains a path separator is taken as a path and only checked.
   *
   * @param name the program's name, such as {@code "redis-server"}, or a path to it
   * @return the absolute path of the first executable found, or empty
   */
  public static Optional<Path> find(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      return Optional.empty();
    }
    if (name.contains("/") || name.contains(File.separator)) {
      return executable(name);
    }
    for (Path directory : searchPath()) {
      Optional<Path> found = executable(directory.resolve(name).toString());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Finds a program or skips the current test, saying what is missing and how to install it.
   *
   * @param name the program's name, such as {@code "redis-server"}
   * @param howToInstall how to get it, such as {@code "apt-get install redis-server"}
   * @return the program's absolute path
   * @throws TestAbortedException if the program is not installed (JUnit then skips the test)
   */
  public static Path require(String name, String howToInstall) {
    return find(name).orElseThrow(() -> new TestAbortedException(
        "'" + name + "' is not installed (looked in PATH and "
            + String.join(", ", COMMON_DIRECTORIES) + "); install it with: " + howToInstall
            + ". Skipping the tests that need it."));
  }

  /**
   * Finds a program installed by npm ({@code <nodeModulesDir>/.bin/<bin>}) and the {@code node}
   * program it runs on, or skips the current test.
   *
   * @param nodeModulesDir the {@code node_modules} directory
   * @param bin the program's name in {@code node_modules/.bin}, such as {@code "azurite"}
   * @param howToInstall how to get it, such as {@code "npm install azurite"}
   * @return the program's absolute path
   * @throws TestAbortedException if the program or Node.js is not installed
   */
  public static Path requireNpmBinary(Path nodeModulesDir, String bin, String howToInstall) {
    Path program = nodeModulesDir.resolve(".bin").resolve(bin).toAbsolutePath();
    if (!Files.isExecutable(program)) {
      throw new TestAbortedException(
          "'" + bin + "' is not installed (no " + program + "); install it with: " + howToInstall
              + ". Skipping the tests that need it.");
    }
    require("node", "install Node.js (apt-get install nodejs)");
    return program;
  }

  private static Set<Path> searchPath() {
    Set<Path> directories = new LinkedHashSet<>();
    String path = System.getenv("PATH");
    List<String> entries = new ArrayList<>();
    if (path != null) {
      entries.addAll(List.of(path.split(File.pathSeparator)));
    }
    entries.addAll(COMMON_DIRECTORIES);
    for (String entry : entries) {
      if (!entry.isBlank()) {
        try {
          directories.add(Path.of(entry).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
          // a malformed PATH entry names no program
        }
      }
    }
    return directories;
  }

  private static Optional<Path> executable(String candidate) {
    try {
      Path path = Path.of(candidate).toAbsolutePath();
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
