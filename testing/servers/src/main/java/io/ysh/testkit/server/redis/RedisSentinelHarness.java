package io.ysh.testkit.server.redis;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis Sentinel topology for tests: one master, one replica and three sentinels (quorum 2,
 * {@code down-after-milliseconds} 1000), all on free ports of 127.0.0.1, without persistence.
 *
 * <pre>{@code
 * try (RedisSentinelHarness sentinel = RedisSentinelHarness.start()) {
 *   Cache cache = Cache.open(sentinel.url());
 *   sentinel.killMaster();
 *   sentinel.awaitFailover(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class RedisSentinelHarness implements ManagedServer {

  /** The name the sentinels monitor the master under. */
  public static final String MASTER_NAME = "ysh-master";

  private final Path dir;
  private final ServerProcess master;
  private final ServerProcess replica;
  private final int masterPort;
  private final int replicaPort;
  private final List<ServerProcess> sentinels;
  private final List<Integer> sentinelPorts;
  private volatile boolean closed;

  private RedisSentinelHarness(
      Path dir,
      ServerProcess master,
      int masterPort,
      ServerProcess replica,
      int replicaPort,
      List<ServerProcess> sentinels,
      List<Integer> sentinelPorts) {
    this.dir = dir;
    this.master = master;
    this.masterPort = masterPort;
    this.replica = replica;
    this.replicaPort = replicaPort;
    this.sentinels = sentinels;
    this.sentinelPorts = sentinelPorts;
  }

  /**
   * Starts the topology and waits until the replica is in sync and every sentinel knows the
   * replica and the two other sentinels (so a failover can be elected).
   *
   * @return the running topology
   * @throws org.opentest4j.TestAbortedException when {@code redis-server} or {@code redis-cli}
   *     is not installed
   */
  public static RedisSentinelHarness start() {
    Path server = Binaries.require("redis-server", "apt-get install redis-server");
    RedisCli.cli();
    Path dir = RedisNodes.tempDir("sentinel");
    List<ManagedServer> started = new ArrayList<>();
    try {
      int masterPort = FreePorts.next();
      ServerProcess master = RedisNodes.start("redis-master-" + masterPort, masterPort, dir, List.of("--dbfilename", "m.rdb"));
      started.add(master);
      int replicaPort = FreePorts.next();
      ServerProcess replica =
          RedisNodes.start(
              "redis-replica-" + replicaPort,
              replicaPort,
              dir,
              List.of("--replicaof", "127.0.0.1", Integer.toString(masterPort), "--dbfilename", "r.rdb"));
      started.add(replica);
      RedisNodes.await(
          "the replica to sync",
          Duration.ofSeconds(30),
          () -> RedisCli.tryRun(replicaPort, "info", "replication").contains("master_link_status:up"));
      List<ServerProcess> sentinels = new ArrayList<>();
      List<Integer> sentinelPorts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int port = FreePorts.next();
        Path conf = dir.resolve("sentinel-" + port + ".conf");
        Files.writeString(
            conf,
            String.join(
                "\n",
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode no",
                "daemonize no",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 10000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                ""));
        ServerProcess s =
            ServerProcess.builder("redis-sentinel-" + port)
                .command(List.of(server.toString(), conf.toString(), "--sentinel"))
                .readiness(ReadinessProbe.tcp("127.0.0.1", port))
                .startupTimeout(Duration.ofSeconds(30))
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .start();
        started.add(s);
        sentinels.add(s);
        sentinelPorts.add(port);
      }
      RedisSentinelHarness h = new RedisSentinelHarness(dir, master, masterPort, replica, replicaPort, sentinels, sentinelPorts);
      RedisNodes.await(
          "every sentinel to know the replica and the other sentinels",
          Duration.ofSeconds(45),
          () -> sentinelPorts.stream().allMatch(p -> {
            String out = RedisCli.tryRun(p, "sentinel", "master", MASTER_NAME);
            return field(out, "num-slaves").equals("1") && field(out, "num-other-sentinels").equals("2");
          }));
      return h;
    } catch (IOException e) {
      started.forEach(ManagedServer::close);
      RedisNodes.deleteQuietly(dir);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      started.forEach(ManagedServer::close);
      RedisNodes.deleteQuietly(dir);
      throw e;
    }
  }

  private static String field(String redisCliPairs, String name) {
    String[] lines = redisCliPairs.strip().split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].strip().equals(name)) {
        return lines[i + 1].strip();
      }
    }
    return "";
  }

  /**
   * A cache URL for this topology: {@code redis-sentinel://ysh-master@127.0.0.1:s1,…}.
   *
   * @return the URL
   */
  public String url() {
    return "redis-sentinel://" + MASTER_NAME + "@"
        + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /**
   * The port of the original master.
   *
   * @return the port
   */
  public int masterPort() {
    return masterPort;
  }

  /**
   * The port of the original replica.
   *
   * @return the port
   */
  public int replicaPort() {
    return replicaPort;
  }

  /**
   * The master's port as the first reachable sentinel reports it.
   *
   * @return the port, or -1 when no sentinel answers
   */
  public int currentMasterPort() {
    for (int p : sentinelPorts) {
      String out = RedisCli.tryRun(p, "sentinel", "get-master-addr-by-name", MASTER_NAME);
      String[] lines = out.strip().split("\n");
      if (!out.startsWith("ERROR") && lines.length == 2) {
        try {
          return Integer.parseInt(lines[1].strip());
        } catch (NumberFormatException ignored) {
          // try the next sentinel
        }
      }
    }
    return -1;
  }

  /** Stops the original master's process (SIGTERM, then SIGKILL), which triggers a failover. */
  public void killMaster() {
    master.close();
  }

  /**
   * Waits until the sentinels report the replica as the new master and it accepts writes.
   *
   * @param timeout how long at most
   */
  public void awaitFailover(Duration timeout) {
    RedisNodes.await("the sentinels to promote the replica", timeout, () -> currentMasterPort() == replicaPort);
    RedisNodes.await(
        "the promoted replica to act as master",
        timeout,
        () -> RedisCli.tryRun(replicaPort, "info", "replication").contains("role:master"));
  }

  @Override
  public String name() {
    return "redis-sentinel[master " + masterPort + ", replica " + replicaPort + ", sentinels " + sentinelPorts + "]";
  }

  @Override
  public boolean isAlive() {
    return !closed && replica.isAlive() && sentinels.stream().allMatch(ServerProcess::isAlive);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sentinels.forEach(ServerProcess::close);
    replica.close();
    master.close();
    RedisNodes.deleteQuietly(dir);
  }

  @Override
  public String toString() {
    return name();
  }
}
