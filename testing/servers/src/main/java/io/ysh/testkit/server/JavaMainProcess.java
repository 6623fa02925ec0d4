package io.ysh.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code main} class of the test class path running in a JVM of its own, for tests that need a
 * process boundary: a client that is killed with SIGKILL while it holds messages, a second
 * application instance. It is a {@link ServerProcess} underneath (same log file under
 * {@code target/server-logs}, readiness wait, start failures that quote the output, stopped at
 * JVM exit), plus what a test needs to talk to a program through its output: every line it
 * printed, a wait for a line, and a {@linkplain #kill() SIGKILL}.
 *
 * <pre>{@code
 * try (JavaMainProcess consumer = JavaMainProcess.builder("consumer", CrashingConsumer.class)
 *     .args(List.of(url, "100"))
 *     .readyWhen(Pattern.compile("^READY$"))
 *     .start()) {
 *   Matcher done = consumer.awaitLine(Pattern.compile("^HOLDING (\\d+)$"), Duration.ofSeconds(60));
 *   List<String> lines = consumer.output();
 *   consumer.kill(); // kill -9: nothing is flushed, no shutdown hook runs
 * }
 * }</pre>
 *
 * <p>The JVM is the running JVM's {@code java} with this JVM's class path (unless
 * {@linkplain Builder#classpath set}) and, by default, small-footprint options ({@value
 * #DEFAULT_JVM_OPTIONS}): the machine running the tests is often shared. Instances are
 * thread-safe.
 */
public final class JavaMainProcess implements ManagedServer {

  /** The JVM options used unless {@link Builder#jvmArgs} sets others. */
  public static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";

  /** What {@link ServerProcess} writes into its log file besides the program's output. */
  private static final String HARNESS_NOTE = "# ysh testkit:";
  private static final long POLL_MILLIS = 20;

  private final ServerProcess process;

  private JavaMainProcess(ServerProcess process) {
    this.process = process;
  }

  /**
   * Starts describing a JVM that runs {@code mainClass}.
   *
   * @param name a short name for logs and error messages, such as {@code "consumer-1"}
   * @param mainClass the class whose {@code main} runs; it must be on the class path
   * @return a builder
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String name, Class<?> mainClass) {
    return builder(name, Objects.requireNonNull(mainClass, "mainClass").getName());
  }

  /**
   * Starts describing a JVM that runs the class named {@code mainClass}.
   *
   * @param name a short name for logs and error messages
   * @param mainClass the fully qualified name of the class whose {@code main} runs
   * @return a builder
   * @throws IllegalArgumentException if the name or the class name is blank
   */
  public static Builder builder(String name, String mainClass) {
    Objects.requireNonNull(mainClass, "mainClass");
    if (mainClass.isBlank()) {
      throw new IllegalArgumentException("the main class of '" + name + "' is blank");
    }
    return new Builder(name, mainClass);
  }

  @Override
  public String name() {
    return process.name();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The operating-system process id of the JVM.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * The exit code, once the JVM has exited (137 on Linux after {@link #kill()}).
   *
   * @return the exit code, or empty while it runs
   */
  public OptionalInt exitCode() {
    return process.exitCode();
  }

  /**
   * The file that receives the JVM's stdout and stderr (with a header the harness writes).
   *
   * @return the log file's path
   */
  public Path logFile() {
    return process.logFile();
  }

  /**
   * Every complete line the program printed on stdout or stderr so far, in order (a line still
   * being written is left out until its end of line arrives).
   *
   * @return the lines
   * @throws UncheckedIOException if the log file cannot be read
   */
  public List<String> output() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(process.logFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output of '" + name() + "' in " + process.logFile(), e);
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    List<String> lines = new ArrayList<>();
    for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\r?\n", -1)) {
      if (!line.startsWith(HARNESS_NOTE)) {
        lines.add(line);
      }
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return List.copyOf(lines);
  }

  /**
   * The first line printed so far that matches {@code pattern} (searched with {@link
   * Matcher#find()}).
   *
   * @param pattern what to look for
   * @return the match, or empty
   */
  public Optional<Matcher> findLine(Pattern pattern) {
    for (String line : output()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until the program prints a line that matches {@code pattern} (which may already have
   * been printed).
   *
   * @param pattern what to wait for, searched with {@link Matcher#find()}
   * @param timeout how long to wait at most
   * @return the match
   * @throws IllegalStateException if the JVM exits first or the timeout passes; the message
   *     quotes the last lines of output
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean wasAlive = process.isAlive();
      Optional<Matcher> found = findLine(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!wasAlive) {
        throw new IllegalStateException(
            "'" + name() + "' exited (code " + exitDescription() + ") without printing a line matching /"
                + pattern.pattern() + "/" + tail());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "'" + name() + "' printed no line matching /" + pattern.pattern() + "/ within "
                + Readiness.seconds(timeout) + tail());
      }
      sleep();
    }
  }

  /**
   * Waits for the JVM to exit by itself.
   *
   * @param timeout how long to wait at most
   * @return the exit code
   * @throws IllegalStateException if it still runs after the timeout
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!waitFor(timeout)) {
        throw new IllegalStateException("'" + name() + "' still runs after " + Readiness.seconds(timeout) + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for '" + name() + "' to exit", e);
    }
    return process.exitCode().orElseThrow();
  }

  private boolean waitFor(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
    return true;
  }

  /**
   * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()}), as {@code kill -9} would:
   * it gets no chance to flush, close connections or run shutdown hooks. Returns once it is gone.
   *
   * @throws IllegalStateException if it survives SIGKILL for 10 seconds
   */
  public void kill() {
    process.kill();
  }

  /** Stops the JVM (SIGTERM, then SIGKILL after a short grace period); idempotent. */
  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "JavaMainProcess[" + process + "]";
  }

  private String exitDescription() {
    OptionalInt code = process.exitCode();
    return code.isPresent() ? Integer.toString(code.getAsInt()) : "unknown";
  }

  private String tail() {
    List<String> lines = process.outputTail(ServerProcess.LOG_TAIL_LINES);
    StringBuilder b = new StringBuilder("\n  log file: ").append(process.logFile());
    if (lines.isEmpty()) {
      return b.append("\n  it printed nothing").toString();
    }
    b.append("\n  last ").append(lines.size()).append(" lines of its output:");
    for (String line : lines) {
      b.append("\n    | ").append(line);
    }
    return b.toString();
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for output", e);
    }
  }

  /** Describes the JVM to start. Not thread-safe; {@link #start()} may be called more than once. */
  public static final class Builder {

    private final String name;
    private final String mainClass;
    private List<String> args = List.of();
    private List<String> jvmArgs = List.of(DEFAULT_JVM_OPTIONS.split(" "));
    private List<Path> classpath;
    private ReadinessProbe readiness = ReadinessProbe.immediately();
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration gracePeriod = Duration.ofSeconds(2);
    private Path logDirectory;
    private final List<String[]> environment = new ArrayList<>();

    private Builder(String name, String mainClass) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("a process needs a non-blank name");
      }
      this.name = name;
      this.mainClass = mainClass;
    }

    /**
     * Sets the arguments of {@code main}.
     *
     * @param args the arguments
     * @return this builder
     */
    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    /**
     * Sets the JVM options (default {@value JavaMainProcess#DEFAULT_JVM_OPTIONS}), replacing the
     * defaults.
     *
     * @param jvmArgs options such as {@code -Xmx128m} or {@code -Dkey=value}
     * @return this builder
     */
    public Builder jvmArgs(List<String> jvmArgs) {
      this.jvmArgs = List.copyOf(jvmArgs);
      return this;
    }

    /**
     * Sets the class path (default: this JVM's, {@link MavenJars#currentClasspath()}).
     *
     * @param classpath the entries, in order
     * @return this builder
     */
    public Builder classpath(List<Path> classpath) {
      this.classpath = List.copyOf(classpath);
      return this;
    }

    /**
     * Makes {@link #start()} wait until the program prints a line matching {@code line} (by
     * default it returns as soon as the JVM is launched).
     *
     * @param line what the program prints once it is ready, searched with {@link Matcher#find()}
     * @return this builder
     */
    public Builder readyWhen(Pattern line) {
      this.readiness = ReadinessProbe.logLine(line);
      return this;
    }

    /**
     * Sets another readiness probe, such as a TCP port the program opens.
     *
     * @param probe the probe
     * @return this builder
     */
    public Builder readiness(ReadinessProbe probe) {
      this.readiness = Objects.requireNonNull(probe, "probe");
      return this;
    }

    /**
     * Sets how long {@link #start()} waits for readiness before it kills the JVM (default 60 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long {@link JavaMainProcess#close()} waits after SIGTERM before SIGKILL (default
     * 2 s).
     *
     * @param gracePeriod zero or positive
     * @return this builder
     */
    public Builder shutdownGracePeriod(Duration gracePeriod) {
      this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
      return this;
    }

    /**
     * Sets an environment variable of the JVM; {@code null} removes it.
     *
     * @param key the variable
     * @param value its value, or {@code null}
     * @return this builder
     */
    public Builder env(String key, String value) {
      environment.add(new String[] {Objects.requireNonNull(key, "key"), value});
      return this;
    }

    /**
     * Sets the directory of the log file (default {@code target/server-logs}).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder logDirectory(Path directory) {
      this.logDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Launches the JVM and waits until it is ready.
     *
     * @return the running JVM; close it (or kill it) when done
     * @throws ServerStartException if it exits before it is ready or is not ready in time (it is
     *     then stopped); the message quotes its output
     */
    public JavaMainProcess start() {
      ServerProcess.Builder b = ServerProcess.builder(name)
          .javaMain(mainClass, classpath == null ? MavenJars.currentClasspath() : classpath, jvmArgs, args)
          .readiness(readiness)
          .startupTimeout(startupTimeout)
          .shutdownGracePeriod(gracePeriod);
      for (String[] e : environment) {
        b.env(e[0], e[1]);
      }
      if (logDirectory != null) {
        b.logDirectory(logDirectory);
      }
      return new JavaMainProcess(b.start());
    }
  }
}
