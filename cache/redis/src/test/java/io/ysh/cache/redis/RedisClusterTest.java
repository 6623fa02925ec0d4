package io.ysh.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.ysh.cache.Cache;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.server.redis.RedisClusterHarness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cluster-specific behaviour on a real 3-master cluster: bulk operations across slots and nodes,
 * and keys whose slot moved (MOVED) after a live resharding.
 */
class RedisClusterTest {

  /**
   * These tests are about slots and redirections, not latency: a command timeout of 10 s (default
   * 2 s) keeps six Redis processes on a loaded 2-core CI machine from failing them (a 300-key
   * putAll timed out after 2 s there at load average 19).
   */
  private static final String OPTIONS = "&timeout=10s";

  @Test
  void bulkOperationsSpanSlotsOnEveryMaster() {
    RedisClusterHarness cluster = TestCluster.get();
    String ns = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    try (Cache cache = Cache.open(cluster.url() + "?namespace=" + ns + OPTIONS)) {
      Map<String, String> entries = new LinkedHashMap<>();
      Set<Integer> slots = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        entries.put("k" + i, "v" + i);
        slots.add(SlotHash.getSlot(ns + ":k" + i));
      }
      Set<Integer> owners = new HashSet<>();
      for (int slot : List.of(slots.toArray(new Integer[0])).subList(0, Math.min(60, slots.size()))) {
        owners.add(cluster.ownerOf(slot));
      }
      assertThat(owners).as("keys land on every master").hasSize(3);
      cache.strings().putAll(entries, java.time.Duration.ofMinutes(5));
      List<String> keys = new ArrayList<>(entries.keySet());
      keys.add("missing");
      assertThat(cache.strings().getAll(keys)).isEqualTo(entries);
      assertThat(cache.clear()).isEqualTo(300);
      assertThat(cache.strings().getAll(keys)).isEmpty();
    }
  }

  @Test
  void aKeyWhoseSlotMovedIsFollowedAfterResharding() {
    RedisClusterHarness cluster = TestCluster.get();
    String ns = "moved-" + UUID.randomUUID().toString().substring(0, 8);
    try (Cache cache = Cache.open(cluster.url() + "?namespace=" + ns + OPTIONS)) {
      int from = cluster.ownerOf(0);
      int to = cluster.ports().stream().filter(p -> p != from).findFirst().orElseThrow();
      // the harness moves the giver's lowest slots; find keys that live in the first few
      Map<String, String> movers = new LinkedHashMap<>();
      for (int i = 0; movers.size() < 5 && i < 1_000_000; i++) {
        String key = "m" + i;
        int slot = SlotHash.getSlot(ns + ":" + key);
        if (slot < 40 && cluster.ownerOf(slot) == from) {
          movers.put(key, "v" + i);
        }
        if (slot < 40 && cluster.ownerOf(slot) != from) {
          break;
        }
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(movers.size() == 5, "slot 0..39 must start on one master");
      cache.strings().putAll(movers);
      for (String k : movers.keySet()) {
        assertThat(cache.strings().get(k)).contains(movers.get(k));
      }
      cluster.reshard(from, to, 50);
      String first = movers.keySet().iterator().next();
      assertThat(cluster.ownerOf(SlotHash.getSlot(ns + ":" + first))).isEqualTo(to);
      for (Map.Entry<String, String> e : movers.entrySet()) {
        assertThat(cache.strings().get(e.getKey())).contains(e.getValue());
      }
      // The bulk connection learnt the topology before the move: every SET of this batch is
      // answered MOVED and re-sent by Lettuce to the new owner, after the batch was flushed. A
      // re-sent command sits in that node connection's unflushed buffer unless the driver flushes
      // again, and the batch would hang until the command timeout (10 s here).
      Map<String, String> rewritten = new LinkedHashMap<>();
      movers.forEach((k, v) -> rewritten.put(k, v + "-rewritten"));
      long started = System.nanoTime();
      cache.strings().putAll(rewritten);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
          .as("a batch redirected by MOVED completes without waiting for the command timeout")
          .isLessThan(java.time.Duration.ofSeconds(2));
      assertThat(cache.strings().getAll(movers.keySet())).isEqualTo(rewritten);
      cache.strings().put(first, "after-move");
      assertThat(cache.strings().get(first)).contains("after-move");
      assertThat(cache.strings().getAll(movers.keySet())).hasSize(5);
      assertThat(cache.increment("counter-" + first)).isEqualTo(1);
      cache.clear();
    }
  }

  @Test
  void unwrapGivesTheClusterClient() {
    try (Cache cache = Cache.open(TestCluster.get().url() + "?namespace=u")) {
      assertThat(cache.unwrap(RedisClusterClient.class)).isNotNull();
      @SuppressWarnings("unchecked")
      StatefulRedisClusterConnection<String, byte[]> c = cache.unwrap(StatefulRedisClusterConnection.class);
      assertThat(c.getPartitions().size()).isEqualTo(3);
      assertThatThrownBy(() -> cache.unwrap(io.lettuce.core.RedisClient.class))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }
  }
}
