package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.testkit.server.fixtures.Chatter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Chatter} in its own JVM through {@link JavaMainProcess}. */
class JavaMainProcessTest {

  private static final Pattern READY = Pattern.compile("^READY$");

  @TempDir Path dir;
  private final List<JavaMainProcess> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(JavaMainProcess::close);
  }

  private JavaMainProcess start(String... args) {
    JavaMainProcess p = JavaMainProcess.builder("chatter", Chatter.class)
        .args(List.of(args))
        .readyWhen(READY)
        .startupTimeout(Duration.ofSeconds(60))
        .start();
    started.add(p);
    return p;
  }

  @Test
  void capturesEveryLineAndWaitsForOne() {
    Path marker = dir.resolve("marker");
    JavaMainProcess p = start(marker.toString(), "500");
    Matcher last = p.awaitLine(Pattern.compile("^LINE (499)$"), Duration.ofSeconds(30));
    assertThat(last.group(1)).isEqualTo("499");
    List<String> out = p.output();
    assertThat(out).contains("ARGS " + marker + " 500", "stderr is captured too", "READY");
    assertThat(out.stream().filter(l -> l.startsWith("LINE ")).toList()).hasSize(500).startsWith("LINE 0", "LINE 1").endsWith("LINE 499");
    assertThat(out).noneMatch(l -> l.startsWith("# ysh testkit:"));
    assertThat(p.findLine(Pattern.compile("^NEVER"))).isEmpty();
  }

  @Test
  void killIsSigkillNoShutdownHookRuns() throws Exception {
    Path marker = dir.resolve("marker");
    JavaMainProcess p = start(marker.toString(), "1");
    long pid = p.pid();
    p.kill();
    assertThat(p.isAlive()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(p.exitCode()).hasValue(137);
    assertThat(marker).as("SIGKILL runs no shutdown hook").doesNotExist();
  }

  @Test
  void closeIsAnOrderlyStopThatRunsShutdownHooks() {
    Path marker = dir.resolve("marker");
    JavaMainProcess p = start(marker.toString(), "1");
    p.close();
    assertThat(p.isAlive()).isFalse();
    assertThat(marker).as("SIGTERM lets shutdown hooks run").exists();
  }

  @Test
  void awaitingALineFailsWithTheOutputWhenTheProgramExits() {
    JavaMainProcess p = start(dir.resolve("m").toString(), "3", "exit=3");
    assertThat(p.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
    assertThatThrownBy(() -> p.awaitLine(Pattern.compile("^NEVER$"), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited (code 3)")
        .hasMessageContaining("LINE 2");
  }

  @Test
  void awaitingALineTimesOut() {
    JavaMainProcess p = start(dir.resolve("m").toString(), "0");
    long start = System.nanoTime();
    assertThatThrownBy(() -> p.awaitLine(Pattern.compile("^NEVER$"), Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no line matching /^NEVER$/");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aProgramThatExitsBeforeItIsReadyFailsTheStart() {
    assertThatThrownBy(() -> JavaMainProcess.builder("no-such-main", "io.ysh.NoSuchMain").readyWhen(READY)
            .startupTimeout(Duration.ofSeconds(60)).start())
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("io.ysh.NoSuchMain");
  }
}
