package io.ysh.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.opentest4j.TestAbortedException;

class SharedServersTest {

  /** A server that only records whether it runs. */
  static final class FakeServer implements ManagedServer {
    volatile boolean alive = true;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean isAlive() {
      return alive;
    }

    @Override
    public void close() {
      alive = false;
    }
  }

  private static String key(TestInfo info) {
    return "shared-" + info.getDisplayName();
  }

  @Test
  void startsOncePerKeyAndHandsTheSameServerToEveryCaller(TestInfo info) {
    AtomicInteger starts = new AtomicInteger();

    FakeServer first = SharedServers.getOrStart(key(info), () -> {
      starts.incrementAndGet();
      return new FakeServer();
    });
    FakeServer second = SharedServers.getOrStart(key(info), () -> {
      starts.incrementAndGet();
      return new FakeServer();
    });

    assertThat(second).isSameAs(first);
    assertThat(starts).hasValue(1);
    SharedServers.stop(key(info));
    assertThat(first.isAlive()).isFalse();
  }

  @Test
  void concurrentCallersWaitForOneStart(TestInfo info) throws Exception {
    AtomicInteger starts = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<FakeServer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return SharedServers.getOrStart(key(info), () -> {
            starts.incrementAndGet();
            sleep(100);
            return new FakeServer();
          });
        }));
      }
      go.countDown();
      FakeServer server = results.get(0).get(5, TimeUnit.SECONDS);
      for (Future<FakeServer> result : results) {
        assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(server);
      }
      assertThat(starts).hasValue(1);
    } finally {
      pool.shutdownNow();
      SharedServers.stop(key(info));
    }
  }

  @Test
  void serverThatDiedIsStartedAgain(TestInfo info) {
    FakeServer first = SharedServers.getOrStart(key(info), FakeServer::new);
    first.alive = false;

    FakeServer second = SharedServers.getOrStart(key(info), FakeServer::new);

    assertThat(second).isNotSameAs(first);
    assertThat(second.isAlive()).isTrue();
    SharedServers.stop(key(info));
  }

  @Test
  void failedStartIsRememberedInsteadOfRetried(TestInfo info) {
    AtomicInteger starts = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> SharedServers.getOrStart(key(info), () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("boom");
          }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("boom");
    }
    assertThat(starts).hasValue(1);

    SharedServers.stop(key(info));
    FakeServer server = SharedServers.getOrStart(key(info), FakeServer::new);
    assertThat(server.isAlive()).isTrue();
    SharedServers.stop(key(info));
  }

  @Test
  void skippedStartKeepsSkipping(TestInfo info) {
    assertThatThrownBy(() -> SharedServers.getOrStart(key(info),
            () -> Binaries.require("definitely-not-here-xyz", "apt-get install xyz") == null ? null : new FakeServer()))
        .isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> SharedServers.getOrStart(key(info), FakeServer::new))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("failed to start earlier in this JVM")
        .hasMessageContaining("definitely-not-here-xyz");
    SharedServers.stop(key(info));
  }

  @Test
  void sharesARealEmbeddedServer(TestInfo info) {
    EmbeddedServer<AutoCloseable> server =
        SharedServers.getOrStart(key(info), () -> EmbeddedServer.start("shared-stub", () -> () -> { }));

    assertThat(SharedServers.<EmbeddedServer<AutoCloseable>>getOrStart(key(info), () -> {
          throw new AssertionError("must not start twice");
        }))
        .isSameAs(server);
    SharedServers.stop(key(info));
    assertThat(server.isAlive()).isFalse();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
