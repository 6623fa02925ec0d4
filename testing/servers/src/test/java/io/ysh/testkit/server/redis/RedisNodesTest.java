package io.ysh.testkit.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The single-node harness and the redis-cli helper on a real {@code redis-server}. These tests
 * fail, rather than skip, when the Redis programs are missing: they test the harness itself, and a
 * skipped run would prove nothing about it (CI installs {@code redis-server}, which brings
 * {@code redis-cli}).
 */
class RedisNodesTest {

  @BeforeEach
  void redisProgramsAreInstalled() {
    assertThat(Binaries.find("redis-server")).as("redis-server (apt-get install redis-server)").isPresent();
    assertThat(Binaries.find("redis-cli")).as("redis-cli (apt-get install redis-tools)").isPresent();
  }

  @Test
  void startsAServerWithoutPersistenceAndStopsIt() {
    int port = FreePorts.next();
    Path dir = RedisNodes.tempDir("nodes-test");
    try {
      ServerProcess redis = RedisNodes.start("redis-nodes-test-" + port, port, dir, List.of("--requirepass", "pw-123"));
      try {
        assertThat(RedisCli.run(port, "--no-auth-warning", "-a", "pw-123", "ping").strip()).isEqualTo("PONG");
        assertThat(RedisCli.run(port, "--no-auth-warning", "-a", "pw-123", "config", "get", "appendonly")).contains("no");
        assertThat(RedisCli.run(port, "--no-auth-warning", "-a", "pw-123", "config", "get", "bind")).contains("127.0.0.1");
      } finally {
        redis.close();
      }
      assertThat(redis.isAlive()).isFalse();
      assertThat(RedisCli.tryRun(port, "ping")).doesNotContain("PONG");
    } finally {
      RedisNodes.deleteQuietly(dir);
    }
  }

  @Test
  void failingCommandsReportTheExitCode() {
    assertThatThrownBy(() -> RedisCli.raw("--cluster", "check", "127.0.0.1:" + FreePorts.next()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with");
  }
}
