package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.aneel.AneelClient;
import io.ysh.cache.Cache;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.testkit.aneel.AneelSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Single-flight in front of the ANEEL client, on the in-memory cache and on the machine's Redis. */
class CachedTariffsExampleTest {

  @Test
  void concurrentMissesLoadOnceInMemory() throws Exception {
    try (Cache cache = Cache.open("mem://?namespace=tariffs")) {
      check(cache);
    }
  }

  @Test
  void concurrentMissesLoadOnceOnRedis() throws Exception {
    LocalServers.requireRedisAndRabbitMq();
    try (Cache cache = Cache.open("redis://127.0.0.1:6379/0?namespace=ysh-examples-" + UUID.randomUUID().toString().substring(0, 8))) {
      try {
        check(cache);
      } finally {
        cache.clear();
      }
    }
  }

  private static void check(Cache cache) throws Exception {
    try (AneelSimulator sim = TariffLookup.startSimulator()) {
      TariffLookup lookup = new TariffLookup(AneelClient.builder().baseUrl(sim.baseUrl()).logLevel(HttpLogLevel.NONE).build());
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      CachedTariffsExample.Result r =
          new CachedTariffsExample(cache, lookup, QuickStartDemoTest.print(buffer)).run("CEMIG-D", DemoConfig.DEFAULT_TARIFF_DATE, 12);

      assertThat(r.loads()).isEqualTo(1);
      assertThat(r.distinctAnswers()).isEqualTo(1);
      // one download each of the tariffs, the flags and the components, for 12 callers and two later lookups
      assertThat(sim.requests().stream().filter(q -> q.path().contains("/download/")).count()).isEqualTo(3);
      assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("the loader ran 1 time(s), 1 distinct answer(s)");
    }
  }
}
