package io.ysh.testkit.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running as a separate operating-system process, started for tests and stopped with
 * everything it spawned.
 *
 * <pre>{@code
 * int port = FreePorts.next();
 * Path properties = ...; // s3proxy.endpoint=http://127.0.0.1:<port>, jclouds.provider=transient, ...
 * try (ServerProcess s3 = ServerProcess.builder("s3proxy")
 *     .javaMain("org.gaul.s3proxy.Main", MavenJars.classpath(Path.of("target/s3proxy")),
 *         List.of("-Xmx256m"), List.of("--properties", properties.toString()))
 *     .readiness(ReadinessProbe.tcp(port))
 *     .startupTimeout(Duration.ofSeconds(30))
 *     .start()) {
 *   // use it
 * }
 * }</pre>
 *
 * <p>The process's stdout and stderr are merged and written, line by line as they come, to a
 * log file ({@code <name>-<timestamp>.log}, by default in {@code target/server-logs}); the file
 * starts with the command that was run. {@link Builder#start()} returns only once the
 * {@linkplain Builder#readiness readiness probe} says the server is ready. If the process exits
 * first, or the startup timeout passes, the process is killed and a
 * {@link ServerStartException} carries the exit code and the last lines of output.
 *
 * <p>{@link #close()} stops the process and all its descendants (SIGTERM, then SIGKILL after a
 * grace period) and waits for them to be gone. Servers still running when the JVM exits are
 * stopped by a shared shutdown hook. Instances are thread-safe.
 */
public final class ServerProcess implements ManagedServer {

  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

  /** How many output lines a start failure quotes. */
  static final int LOG_TAIL_LINES = 40;

  private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);
  private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(2);
  /** Longer class paths go to a java {@code @argfile}: one argv string may hold 128 KiB at most. */
  private static final int MAX_INLINE_CLASSPATH = 16_000;
  private static final DateTimeFormatter FILE_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
  private static final Pattern UNSAFE_FILE_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

  private final String name;
  private final List<String> command;
  private final Process process;
  private final Path logFile;
  private final OutputPump pump;
  private final Duration gracePeriod;
  private boolean closed;

  private ServerProcess(
      String name,
      List<String> command,
      Process process,
      Path logFile,
      OutputPump pump,
      Duration gracePeriod) {
    this.name = name;
    this.command = command;
    this.process = process;
    this.logFile = logFile;
    this.pump = pump;
    this.gracePeriod = gracePeriod;
  }

  /**
   * Starts describing a server process.
   *
   * @param name a short name for the server ({@code "s3proxy"}, {@code "redis-sentinel-1"});
   *     used in the log file name, thread names and error messages
   * @return a builder
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a server needs a non-blank name");
    }
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The command that was run, program first.
   *
   * @return the command line, unmodifiable
   */
  public List<String> command() {
    return command;
  }

  /**
   * The operating-system process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * The handle of the process, for example to look at its descendants.
   *
   * @return the process handle
   */
  public ProcessHandle processHandle() {
    return process.toHandle();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The exit code, once the process has exited.
   *
   * @return the exit code, or empty while the process runs
   */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * The file that receives the process's stdout and stderr.
   *
   * @return the log file's path
   */
  public Path logFile() {
    return logFile;
  }

  /**
   * The last lines the process printed, oldest first, from memory (at most 200 are kept; very
   * long lines are shortened). The {@linkplain #logFile() log file} has everything.
   *
   * @param maxLines how many lines at most
   * @return the lines
   */
  public List<String> outputTail(int maxLines) {
    return pump.tail(maxLines);
  }

  /**
   * Stops the process and all its descendants: SIGTERM first, SIGKILL to whatever is left after
   * the {@linkplain Builder#shutdownGracePeriod grace period}, then waits until they are gone.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      boolean wasAlive = process.isAlive();
      ProcessTrees.terminate(process.toHandle(), gracePeriod, name);
      if (wasAlive) {
        LOG.info("Stopped server '{}' (pid {})", name, process.pid());
      }
    } finally {
      ServerRegistry.unregister(this);
      pump.awaitEnd(OUTPUT_DRAIN_TIMEOUT);
    }
  }

  /**
   * Kills the process and all its descendants at once with SIGKILL ({@link
   * Process#destroyForcibly()} on Linux), as a crash or {@code kill -9} would: no shutdown hook
   * runs and nothing is flushed. Returns once they are gone (the output already printed stays in
   * the {@linkplain #logFile() log file}). For crash tests; {@link #close()} is the orderly stop.
   * A {@link Builder} that started this process can {@linkplain Builder#start() start} it again,
   * on the same ports and data directories, to simulate a restart.
   *
   * @throws IllegalStateException if a process of the tree is still alive 10 seconds after
   *     SIGKILL
   */
  public void kill() {
    boolean wasAlive = process.isAlive();
    if (!ProcessTrees.kill(process.toHandle(), name)) {
      throw new IllegalStateException("server '" + name + "' (pid " + process.pid() + ") survived SIGKILL");
    }
    if (wasAlive) {
      LOG.info("Killed server '{}' (pid {}) with SIGKILL", name, process.pid());
    }
    pump.awaitEnd(OUTPUT_DRAIN_TIMEOUT);
  }

  @Override
  public String toString() {
    return "ServerProcess[" + name + ", pid " + process.pid()
        + (process.isAlive() ? ", running" : ", exited") + ", log " + logFile + "]";
  }

  /**
   * Describes a server process: exactly one way to launch it ({@link #command(List)},
   * {@link #javaMain}, {@link #npmBinary}), a {@link #readiness(ReadinessProbe)} probe, and
   * optional settings. Not thread-safe; {@link #start()} may be called more than once to start
   * several identical servers.
   */
  public static final class Builder {

    private final String name;
    private Launch launch;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory;
    private ReadinessProbe readiness;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
    private Path logDirectory = Path.of("target", "server-logs");

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Runs {@code command} as is: the program (a path, or a name looked up on {@code PATH})
     * followed by its arguments. See {@link Binaries} to find programs.
     *
     * @param command the program and its arguments
     * @return this builder
     * @throws IllegalArgumentException if the command is empty
     * @throws IllegalStateException if a command was already set
     */
    public Builder command(List<String> command) {
      List<String> copy = List.copyOf(command);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("the command of '" + name + "' is empty");
      }
      return launch(argFileBase -> copy);
    }

    /**
     * Runs a Java main class in a new JVM, using the same {@code java} as the running JVM:
     * {@code java <jvmArgs> -cp <classpath> <mainClass> <args>}. A class path too long for one
     * command-line argument is passed through a java {@code @argfile} next to the log file.
     *
     * @param mainClass the fully qualified main class
     * @param classpath the class path entries, in order (see {@link MavenJars})
     * @param jvmArgs options for the JVM, such as {@code -Xmx256m} or {@code -Dkey=value}
     * @param args the arguments of {@code main}
     * @return this builder
     * @throws IllegalArgumentException if the class path is empty
     * @throws IllegalStateException if a command was already set
     */
    public Builder javaMain(
        String mainClass, List<Path> classpath, List<String> jvmArgs, List<String> args) {
      Objects.requireNonNull(mainClass, "mainClass");
      List<Path> cp = List.copyOf(classpath);
      List<String> jvm = List.copyOf(jvmArgs);
      List<String> main = List.copyOf(args);
      if (cp.isEmpty()) {
        throw new IllegalArgumentException("the class path of '" + name + "' is empty");
      }
      return launch(
          argFileBase -> {
            List<String> line = new ArrayList<>();
            line.add(javaExecutable().toString());
            line.addAll(jvm);
            String joined =
                cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            if (joined.length() <= MAX_INLINE_CLASSPATH) {
              line.add("-cp");
              line.add(joined);
            } else {
              String logName = argFileBase.getFileName().toString().replaceFirst("\\.log$", "");
              Path argFile = argFileBase.resolveSibling(logName + ".classpath.args");
              Files.writeString(argFile, "-cp \"" + escapeForArgFile(joined) + "\"\n");
              line.add("@" + argFile);
            }
            line.add(mainClass);
            line.addAll(main);
            return line;
          });
    }

    /**
     * Runs a program that npm installed: {@code <nodeModulesDir>/.bin/<bin> <args>} (for example
     * Azurite). Node.js must be on {@code PATH}.
     *
     * @param nodeModulesDir the {@code node_modules} directory
     * @param bin the program's name in {@code node_modules/.bin}
     * @param args its arguments
     * @return this builder
     * @throws IllegalStateException if a command was already set
     */
    public Builder npmBinary(Path nodeModulesDir, String bin, List<String> args) {
      Path program = nodeModulesDir.resolve(".bin").resolve(Objects.requireNonNull(bin, "bin"));
      List<String> rest = List.copyOf(args);
      return launch(
          argFileBase -> {
            if (!Files.isExecutable(program)) {
              throw new IOException(
                  program.toAbsolutePath() + " does not exist or is not executable; run `npm install`"
                      + " for the package that provides '" + bin + "' in "
                      + nodeModulesDir.toAbsolutePath().getParent());
            }
            List<String> line = new ArrayList<>();
            line.add(program.toAbsolutePath().toString());
            line.addAll(rest);
            return line;
          });
    }

    private Builder launch(Launch launch) {
      if (this.launch != null) {
        throw new IllegalStateException("the command of '" + name + "' is already set");
      }
      this.launch = launch;
      return this;
    }

    /**
     * Sets an environment variable of the process (which otherwise inherits this JVM's
     * environment); a {@code null} value removes the variable.
     *
     * @param key the variable's name
     * @param value its value, or {@code null} to remove it
     * @return this builder
     */
    public Builder env(String key, String value) {
      environment.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /**
     * Sets several environment variables, as {@link #env(String, String)} does for each.
     *
     * @param variables the variables to set
     * @return this builder
     */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
      return this;
    }

    /**
     * Sets the working directory of the process (by default, this JVM's).
     *
     * @param directory the working directory; it must exist
     * @return this builder
     */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets how to tell that the server is ready; required. Use
     * {@link ReadinessProbe#immediately()} for a server that needs no wait.
     *
     * @param probe the readiness probe
     * @return this builder
     */
    public Builder readiness(ReadinessProbe probe) {
      this.readiness = Objects.requireNonNull(probe, "probe");
      return this;
    }

    /**
     * Sets how long {@link #start()} waits for readiness before it kills the process (default
     * 60 seconds).
     *
     * @param timeout the startup timeout, positive
     * @return this builder
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = positive(timeout, "startupTimeout");
      return this;
    }

    /**
     * Sets how long {@link ServerProcess#close()} lets the process exit after SIGTERM before it
     * sends SIGKILL (default 10 seconds).
     *
     * @param gracePeriod the grace period, zero or positive
     * @return this builder
     * @throws IllegalArgumentException if the grace period is negative
     */
    public Builder shutdownGracePeriod(Duration gracePeriod) {
      Objects.requireNonNull(gracePeriod, "gracePeriod");
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("shutdownGracePeriod must not be negative: " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Sets the directory of the log file (default {@code target/server-logs} under the working
     * directory of this JVM, which is the module's directory under Maven); it is created if
     * needed.
     *
     * @param directory the log directory
     * @return this builder
     */
    public Builder logDirectory(Path directory) {
      this.logDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Launches the process and waits until it is ready.
     *
     * @return the running, ready server; close it when done
     * @throws ServerStartException if the process could not be launched, exited before it was
     *     ready, or was not ready in time (it is then killed); or if the thread was interrupted
     * @throws IllegalStateException if no command or no readiness probe was set
     * @throws UncheckedIOException if the log file could not be created
     */
    public ServerProcess start() {
      if (launch == null) {
        throw new IllegalStateException(
            "no command for server '" + name + "': call command(...), javaMain(...) or npmBinary(...)");
      }
      if (readiness == null) {
        throw new IllegalStateException(
            "no readiness probe for server '" + name
                + "': call readiness(...), with ReadinessProbe.immediately() if it needs no wait");
      }
      long began = System.nanoTime();
      Path logFile = createLogFile();
      Writer log;
      try {
        log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the log file of '" + name + "': " + logFile, e);
      }
      List<String> command = null;
      Process process;
      try {
        OutputPump.note(log, "server '" + name + "' starting at " + Instant.now());
        command = List.copyOf(launch.resolve(logFile));
        OutputPump.note(log, "command: " + String.join(" ", command));
        OutputPump.note(log, "working directory: "
            + (workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
          builder.directory(workingDirectory.toFile());
        }
        environment.forEach(
            (key, value) -> {
              if (value == null) {
                builder.environment().remove(key);
              } else {
                builder.environment().put(key, value);
              }
            });
        process = builder.start();
      } catch (IOException | RuntimeException e) {
        String reason = e.getMessage();
        try {
          OutputPump.note(log, "could not launch: " + reason);
          log.close();
        } catch (IOException | UncheckedIOException ignored) {
          // the launch failure is what matters
        }
        throw new ServerStartException(
            "Server '" + name + "' could not be launched: " + reason
                + (command == null ? "" : "\n  command: " + displayCommand(command))
                + "\n  log file: " + logFile,
            name, null, List.of(), logFile, e);
      }
      closeStdin(process);
      OutputPump pump = new OutputPump(name, process, process.getInputStream(), log);
      pump.start();
      ServerProcess server = new ServerProcess(name, command, process, logFile, pump, gracePeriod);
      if (!ServerRegistry.register(server)) {
        server.close();
        throw new ServerStartException(
            "Server '" + name + "' was not started: the JVM is shutting down",
            name, null, pump.tail(LOG_TAIL_LINES), logFile, null);
      }
      try {
        awaitReady(server, pump, began);
      } catch (RuntimeException | Error e) {
        server.close(); // already done for a ServerStartException; a probe may throw an Error
        throw e;
      }
      return server;
    }

    private void awaitReady(ServerProcess server, OutputPump pump, long began) {
      ReadinessProbe.Context context =
          new ReadinessProbe.Context() {
            @Override
            public String serverName() {
              return name;
            }

            @Override
            public boolean anyOutputLineMatches(Pattern pattern) {
              return pump.anyLineMatches(pattern);
            }
          };
      Readiness.Outcome outcome;
      try {
        outcome = Readiness.await(readiness, context, startupTimeout, server.process::isAlive);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.close();
        throw failure(server, pump, "was interrupted while waiting for it to be ready; it was stopped",
            null, null, e);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      switch (outcome.status()) {
        case READY:
          pump.forgetHistory();
          LOG.info(
              "Started server '{}' (pid {}) in {}; log: {}",
              name, server.pid(), Readiness.seconds(took), server.logFile());
          return;
        case EXITED:
          pump.awaitEnd(OUTPUT_DRAIN_TIMEOUT);
          int exitCode = server.process.exitValue();
          server.close();
          throw failure(server, pump,
              "exited with code " + exitCode + " before it was ready (after "
                  + Readiness.seconds(took) + ")",
              exitCode, outcome.lastProbeError(), null);
        case PROBE_UNSUPPORTED:
          server.close();
          throw failure(server, pump, "cannot be probed: " + outcome.lastProbeError().getMessage()
              + "; it was stopped", null, null, outcome.lastProbeError());
        case TIMED_OUT:
        default:
          server.close();
          throw failure(server, pump,
              "was not ready within " + Readiness.seconds(startupTimeout) + "; it was stopped",
              null, outcome.lastProbeError(), null);
      }
    }

    private ServerStartException failure(
        ServerProcess server,
        OutputPump pump,
        String what,
        Integer exitCode,
        Throwable lastProbeError,
        Throwable cause) {
      List<String> tail = pump.tail(LOG_TAIL_LINES);
      StringBuilder message = new StringBuilder();
      message.append("Server '").append(name).append("' ").append(what).append('.');
      message.append("\n  command: ").append(displayCommand(server.command));
      message.append("\n  waited for: ").append(Probes.describe(readiness));
      if (lastProbeError != null) {
        message.append("\n  last probe error: ").append(Readiness.describeError(lastProbeError));
      }
      message.append("\n  log file: ").append(server.logFile.toAbsolutePath());
      if (tail.isEmpty()) {
        message.append("\n  it printed nothing");
      } else {
        message.append("\n  last ").append(tail.size()).append(" lines of its output:");
        for (String line : tail) {
          message.append("\n    | ").append(line);
        }
      }
      return new ServerStartException(
          message.toString(), name, exitCode, tail, server.logFile, cause);
    }

    private Path createLogFile() {
      String base = UNSAFE_FILE_CHARS.matcher(name).replaceAll("_") + "-"
          + FILE_TIMESTAMP.format(LocalDateTime.now());
      try {
        Files.createDirectories(logDirectory);
        for (int attempt = 1; ; attempt++) {
          Path candidate =
              logDirectory.resolve(base + (attempt == 1 ? "" : "-" + attempt) + ".log").toAbsolutePath();
          try {
            return Files.createFile(candidate);
          } catch (FileAlreadyExistsException e) {
            // two servers of the same name in the same millisecond: try the next suffix
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create the log file of server '" + name + "' in " + logDirectory.toAbsolutePath(), e);
      }
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }
  }

  /** Turns a builder's launch choice into a command line (the log file's path names argfiles). */
  @FunctionalInterface
  private interface Launch {
    List<String> resolve(Path logFile) throws IOException;
  }

  private static void closeStdin(Process process) {
    // Servers read no input: give them end-of-file at once.
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the process already exited
    }
  }

  /** The {@code java} launcher of the running JVM. */
  static Path javaExecutable() {
    String executable =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
            ? "java.exe"
            : "java";
    Path fromHome = Path.of(System.getProperty("java.home"), "bin", executable);
    if (Files.isExecutable(fromHome)) {
      return fromHome;
    }
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .orElseThrow(() -> new IllegalStateException(
            "cannot find the java launcher of this JVM (looked at " + fromHome + ")"));
  }

  private static String escapeForArgFile(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** The command as a shell would show it, with very long arguments (class paths) shortened. */
  static String displayCommand(List<String> command) {
    return command.stream().map(ServerProcess::displayArgument).collect(Collectors.joining(" "));
  }

  private static String displayArgument(String argument) {
    String shown = argument.length() <= 240
        ? argument
        : argument.substring(0, 120) + "…(" + argument.length() + " chars)…"
            + argument.substring(argument.length() - 80);
    if (!shown.isEmpty() && shown.chars().noneMatch(c -> " \t\n'\"\\$`*?&;|<>(){}".indexOf(c) >= 0)) {
      return shown;
    }
    return "'" + shown.replace("'", "'\\''") + "'";
  }
}
