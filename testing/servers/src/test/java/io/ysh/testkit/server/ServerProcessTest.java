package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysh.testkit.server.fixtures.HarnessUser;
import io.ysh.testkit.server.fixtures.TinyHttpServer;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@link TinyHttpServer} as a real process in each of its modes. */
class ServerProcessTest {

  private static final List<String> FAST_JVM =
      List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
  private static final Pattern READY = Pattern.compile("^READY on \\d+$");

  private final List<ServerProcess> started = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    started.forEach(ServerProcess::close);
  }

  private static ServerProcess.Builder tiny(String name, String... args) {
    return ServerProcess.builder(name)
        .javaMain(TinyHttpServer.class.getName(), MavenJars.currentClasspath(), FAST_JVM, List.of(args))
        .startupTimeout(Duration.ofSeconds(15));
  }

  private ServerProcess track(ServerProcess server) {
    started.add(server);
    return server;
  }

  private static String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static long pidPrinted(List<String> lines, String prefix) {
    Pattern pattern = Pattern.compile("^" + prefix + " (\\d+)$");
    for (String line : lines) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.matches()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    throw new AssertionError("no line '" + prefix + " <pid>' in " + lines);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void becomesReadyWhenItsPortAcceptsConnections() throws Exception {
    int port = FreePorts.next();
    ServerProcess server =
        track(tiny("tiny-tcp", "http", Integer.toString(port), "400")
            .readiness(ReadinessProbe.tcp(port))
            .start());

    assertThat(server.isAlive()).isTrue();
    assertThat(server.name()).isEqualTo("tiny-tcp");
    assertThat(server.pid()).isEqualTo(server.processHandle().pid()).isPositive();
    assertThat(server.exitCode()).isEmpty();
    assertThat(server.command()).contains(TinyHttpServer.class.getName(), "http");
    assertThat(server.toString()).contains("tiny-tcp", Long.toString(server.pid()), "running");
    assertThat(get(port, "/")).isEqualTo("200 hello from tiny");
  }

  @Test
  void becomesReadyWhenHttpAnswersWithAnAcceptedStatus() throws Exception {
    int port = FreePorts.next();
    ServerProcess server =
        track(tiny("tiny-http", "http", Integer.toString(port), "300")
            .readiness(ReadinessProbe.http(URI.create("http://127.0.0.1:" + port + "/health"), s -> s == 200))
            .start());

    assertThat(get(port, "/health")).isEqualTo("200 ok");
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void becomesReadyWhenItPrintsTheExpectedLine() throws Exception {
    int port = FreePorts.next();
    ServerProcess server =
        track(tiny("tiny-log", "http", Integer.toString(port), "200")
            .readiness(ReadinessProbe.logLine(READY))
            .start());

    assertThat(server.outputTail(10)).contains("READY on " + port);
    assertThat(get(port, "/")).startsWith("200");
  }

  @Test
  void logFileHoldsTheCommandStdoutAndStderr() throws Exception {
    int port = FreePorts.next();
    ServerProcess server =
        track(tiny("tiny/logs", "http", Integer.toString(port))
            .readiness(ReadinessProbe.logLine(READY))
            .start());

    Path logFile = server.logFile();
    assertThat(logFile).isAbsolute().exists()
        .startsWith(Path.of("target", "server-logs").toAbsolutePath());
    assertThat(logFile.getFileName().toString()).matches("tiny_logs-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.log");
    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("# ysh testkit: command: ")
        .contains(TinyHttpServer.class.getName())
        .contains("PID " + server.pid())
        .contains("starting on port " + port + " (this line goes to stderr)")
        .contains("READY on " + port);
  }

  @Test
  void processThatExitsEarlyFailsWithItsExitCodeAndLogTail() {
    ServerStartException failure = catchThrowableOfType(
        ServerStartException.class,
        () -> tiny("tiny-fail", "fail").readiness(ReadinessProbe.logLine(READY)).start());

    assertThat(failure).isNotNull();
    assertThat(failure.serverName()).isEqualTo("tiny-fail");
    assertThat(failure.exitCode()).hasValue(3);
    assertThat(failure.getMessage())
        .contains("Server 'tiny-fail' exited with code 3 before it was ready")
        .contains(TinyHttpServer.class.getName() + " fail")
        .contains("waited for: an output line matching /^READY on \\d+$/")
        .contains("last 40 lines of its output:")
        .contains("| boot line 22\n")
        .doesNotContain("| boot line 21\n")
        .endsWith("| ERROR: simulated failure: the configuration is broken");
    assertThat(failure.logTail()).hasSize(40)
        .startsWith("boot line 22")
        .endsWith("ERROR: simulated failure: the configuration is broken");
    assertThat(failure.logFile()).hasValueSatisfying(log -> assertThat(log).exists());
    assertThat(failure.getMessage()).contains(failure.logFile().orElseThrow().toString());
  }

  @Test
  void serverThatIsNeverReadyTimesOutAndIsKilled() {
    int unusedPort = FreePorts.next();
    long began = System.nanoTime();
    ServerStartException failure = catchThrowableOfType(
        ServerStartException.class,
        () -> tiny("tiny-never", "never")
            .readiness(ReadinessProbe.tcp(unusedPort))
            .startupTimeout(Duration.ofMillis(1_500))
            .start());

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure).isNotNull();
    assertThat(failure.exitCode()).isEmpty();
    assertThat(failure.getMessage())
        .contains("Server 'tiny-never' was not ready within 1.500 s; it was stopped")
        .contains("waited for: a TCP connection to 127.0.0.1:" + unusedPort)
        .contains("last probe error: java.net.ConnectException")
        .contains("| starting, but never ready");
    long pid = pidPrinted(failure.logTail(), "PID");
    assertThat(alive(pid)).as("process %s is dead after the timeout", pid).isFalse();
  }

  @Test
  void closeStopsTheProcessAndEveryProcessItSpawned() throws Exception {
    int port = FreePorts.next();
    ServerProcess server =
        track(tiny("tiny-spawn", "spawn", Integer.toString(port))
            .readiness(ReadinessProbe.logLine(READY).and(ReadinessProbe.tcp(port)))
            .start());
    long childPid = pidPrinted(server.outputTail(20), "SPAWNED");
    List<ProcessHandle> descendants = server.processHandle().descendants().collect(Collectors.toList());
    assertThat(descendants).extracting(ProcessHandle::pid).contains(childPid);
    assertThat(alive(childPid)).isTrue();

    server.close();

    assertThat(server.isAlive()).isFalse();
    assertThat(server.exitCode()).isPresent();
    assertThat(alive(childPid)).as("spawned child %s is dead", childPid).isFalse();
    assertThat(descendants).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void serversLeftRunningAreStoppedWhenTheJvmExits() throws Exception {
    ServerProcess user = track(ServerProcess.builder("harness-user")
        .javaMain(HarnessUser.class.getName(), MavenJars.currentClasspath(), FAST_JVM,
            List.of(Path.of("target", "server-logs").toAbsolutePath().toString()))
        .readiness(ReadinessProbe.logLine(Pattern.compile("^SERVER PID \\d+$")))
        .start());
    long serverPid = pidPrinted(user.outputTail(50), "SERVER PID");

    user.processHandle().onExit().get(15, TimeUnit.SECONDS);

    assertThat(user.exitCode()).hasValue(0);
    assertThat(alive(serverPid)).as("server %s left running by an exited JVM", serverPid).isFalse();
  }

  @Test
  void closeIsIdempotent() throws Exception {
    int port = FreePorts.next();
    ServerProcess server = tiny("tiny-close", "http", Integer.toString(port))
        .readiness(ReadinessProbe.tcp(port))
        .start();

    server.close();
    server.close();

    assertThat(server.isAlive()).isFalse();
    assertThatThrownBy(() -> get(port, "/")).isInstanceOf(IOException.class);
  }

  @Test
  void closeKillsAServerThatIgnoresTermination() {
    int port = FreePorts.next();
    ServerProcess server = tiny("tiny-stubborn", "stubborn", Integer.toString(port))
        .readiness(ReadinessProbe.tcp(port))
        .shutdownGracePeriod(Duration.ofMillis(300))
        .start();

    long began = System.nanoTime();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    assertThat(server.isAlive()).isFalse();
    assertThat(server.exitCode()).hasValue(137); // 128 + SIGKILL
  }

  @Test
  void veryLongClassPathIsPassedThroughAnArgFile(@TempDir Path missingJars) throws Exception {
    List<Path> classpath = new ArrayList<>(MavenJars.currentClasspath());
    for (int i = 0; i < 300; i++) {
      classpath.add(missingJars.resolve("a-rather-long-directory-name-for-jar-number-" + i).resolve("x.jar"));
    }
    int port = FreePorts.next();
    ServerProcess server = track(ServerProcess.builder("tiny-argfile")
        .javaMain(TinyHttpServer.class.getName(), classpath, FAST_JVM, List.of("http", Integer.toString(port)))
        .readiness(ReadinessProbe.tcp(port))
        .start());

    String argument = server.command().stream().filter(a -> a.startsWith("@")).findFirst().orElseThrow();
    assertThat(Path.of(argument.substring(1))).exists().hasFileName(
        server.logFile().getFileName().toString().replace(".log", ".classpath.args"));
    assertThat(server.command()).doesNotContain("-cp");
    assertThat(get(port, "/")).startsWith("200");
  }

  @Test
  void runsAPlainCommandWithItsEnvironmentAndWorkingDirectory(@TempDir Path dir) throws Exception {
    Path sh = Binaries.require("sh", "apt-get install dash");
    ServerProcess server = track(ServerProcess.builder("sh-env")
        .command(List.of(sh.toString(), "-c", "echo \"greeting=$YSH_GREETING in $(pwd)\"; exec sleep 30"))
        .env("YSH_GREETING", "ola")
        .workingDirectory(dir)
        .logDirectory(dir.resolve("logs"))
        .readiness(ReadinessProbe.logLine(Pattern.compile("greeting=ola")))
        .start());

    assertThat(server.logFile().getParent()).isEqualTo(dir.resolve("logs").toAbsolutePath());
    assertThat(server.outputTail(5)).contains("greeting=ola in " + dir.toRealPath());
  }

  @Test
  void programThatCannotBeLaunchedFailsNamingIt() {
    assertThatThrownBy(() -> ServerProcess.builder("ghost")
            .command(List.of("/nonexistent/definitely-not-here-xyz", "--port", "1"))
            .readiness(ReadinessProbe.immediately())
            .start())
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("Server 'ghost' could not be launched")
        .hasMessageContaining("/nonexistent/definitely-not-here-xyz");
  }

  @Test
  void missingNpmProgramFailsWithHowToInstallIt(@TempDir Path project) {
    assertThatThrownBy(() -> ServerProcess.builder("azurite")
            .npmBinary(project.resolve("node_modules"), "azurite", List.of("--silent"))
            .readiness(ReadinessProbe.immediately())
            .start())
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("node_modules/.bin/azurite does not exist")
        .hasMessageContaining("npm install");
  }

  @Test
  void builderInsistsOnOneCommandAndAReadinessProbe() {
    assertThatThrownBy(() -> ServerProcess.builder("x").readiness(ReadinessProbe.immediately()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no command for server 'x'");
    assertThatThrownBy(() -> ServerProcess.builder("x").command(List.of("true")).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no readiness probe");
    assertThatThrownBy(() -> ServerProcess.builder("x").command(List.of("true")).command(List.of("false")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(() -> ServerProcess.builder(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerProcess.builder("x").startupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
