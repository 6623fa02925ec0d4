package io.ysh.testkit.server.redis;

import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of N masters (no replicas) on free ports, created with
 * {@code redis-cli --cluster create}, for tests.
 *
 * <pre>{@code
 * RedisClusterHarness cluster = SharedServers.getOrStart("redis-cluster", () -> RedisClusterHarness.start(3));
 * Cache cache = Cache.open(cluster.url());
 * }</pre>
 */
public final class RedisClusterHarness implements ManagedServer {

  private final List<ServerProcess> nodes;
  private final List<Integer> ports;
  private final Path dir;
  private volatile boolean closed;

  private RedisClusterHarness(List<ServerProcess> nodes, List<Integer> ports, Path dir) {
    this.nodes = nodes;
    this.ports = ports;
    this.dir = dir;
  }

  /**
   * Starts {@code masters} nodes, creates the cluster (slots spread evenly) and waits until
   * every node reports {@code cluster_state:ok}.
   *
   * @param masters the number of masters, at least 3
   * @return the running cluster
   * @throws org.opentest4j.TestAbortedException when {@code redis-server} or {@code redis-cli}
   *     is not installed
   */
  public static RedisClusterHarness start(int masters) {
    if (masters < 3) {
      throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters");
    }
    RedisCli.cli();
    Path dir = RedisNodes.tempDir("cluster");
    List<ServerProcess> nodes = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      for (int i = 0; i < masters; i++) {
        int port = FreePorts.next();
        ports.add(port);
        nodes.add(
            RedisNodes.start(
                "redis-cluster-" + port,
                port,
                dir,
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "2000")));
      }
      List<String> args = new ArrayList<>(List.of("--cluster", "create"));
      for (int port : ports) {
        args.add("127.0.0.1:" + port);
      }
      args.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      RedisCli.raw(args.toArray(new String[0]));
      RedisClusterHarness harness = new RedisClusterHarness(nodes, ports, dir);
      harness.awaitHealthy(Duration.ofSeconds(30));
      return harness;
    } catch (RuntimeException e) {
      nodes.forEach(ServerProcess::close);
      RedisNodes.deleteQuietly(dir);
      throw e;
    }
  }

  /**
   * Waits until every node reports {@code cluster_state:ok} and agrees on the slot owners.
   *
   * @param timeout how long at most
   */
  public void awaitHealthy(Duration timeout) {
    RedisNodes.await(
        "cluster_state:ok on every node",
        timeout,
        () -> ports.stream().allMatch(p -> RedisCli.tryRun(p, "cluster", "info").contains("cluster_state:ok")));
    RedisNodes.await(
        "every node to agree on the slot map",
        timeout,
        () -> ports.stream().map(p -> slotMap(p)).distinct().count() == 1);
  }

  private static String slotMap(int port) {
    String out = RedisCli.tryRun(port, "cluster", "nodes");
    if (out.startsWith("ERROR")) {
      return "error-" + port;
    }
    return out.lines()
        .map(l -> l.strip().split(" "))
        .filter(f -> f.length >= 8 && f[2].contains("master"))
        .map(f -> f[1].replaceAll("@.*", "") + "=" + String.join(" ", List.of(f).subList(8, f.length)))
        .sorted()
        .collect(Collectors.joining(","));
  }

  /**
   * The ports of the masters.
   *
   * @return the ports, in creation order
   */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /**
   * A cache URL for the cluster: {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…}.
   *
   * @return the URL
   */
  public String url() {
    return "redis-cluster://" + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /**
   * The node id of the master on a port.
   *
   * @param port the node's port
   * @return its id
   */
  public String nodeId(int port) {
    return RedisCli.run(port, "cluster", "myid").strip();
  }

  /**
   * The port of the master that owns a slot, as {@code CLUSTER NODES} on the first node says.
   *
   * @param slot the slot, 0 to 16383
   * @return the owner's port
   */
  public int ownerOf(int slot) {
    for (String line : RedisCli.run(ports.get(0), "cluster", "nodes").strip().split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length < 9 || !f[2].contains("master")) {
        continue;
      }
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) {
          continue; // a slot being migrated or imported
        }
        String[] range = f[i].split("-");
        int start = Integer.parseInt(range[0]);
        int end = range.length > 1 ? Integer.parseInt(range[1]) : start;
        if (slot >= start && slot <= end) {
          String addr = f[1].replaceAll("@.*", "");
          return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
        }
      }
    }
    throw new IllegalStateException("no owner for slot " + slot);
  }

  /**
   * Moves slots between masters with {@code redis-cli --cluster reshard} (the keys move too), then
   * waits until the cluster is healthy again. Clients that cached the old slot map get
   * {@code MOVED} redirections afterwards.
   *
   * @param fromPort the port of the master that gives the slots (it gives its lowest slots)
   * @param toPort the port of the master that receives them
   * @param slots how many slots
   */
  public void reshard(int fromPort, int toPort, int slots) {
    RedisCli.raw(
        "--cluster", "reshard", "127.0.0.1:" + ports.get(0),
        "--cluster-from", nodeId(fromPort),
        "--cluster-to", nodeId(toPort),
        "--cluster-slots", Integer.toString(slots),
        "--cluster-yes");
    awaitHealthy(Duration.ofSeconds(30));
  }

  @Override
  public String name() {
    return "redis-cluster" + ports;
  }

  @Override
  public boolean isAlive() {
    return !closed && nodes.stream().allMatch(ServerProcess::isAlive);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    nodes.forEach(ServerProcess::close);
    RedisNodes.deleteQuietly(dir);
  }

  @Override
  public String toString() {
    return "RedisClusterHarness" + ports;
  }
}
