package io.ysh.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one {@link ObjectStorage} that move the parts of concurrent uploads and the
 * ranges of concurrent downloads: daemon threads made on demand and ended after 30 seconds idle,
 * so a storage that never transfers in parallel holds none. How many run at once is bounded by
 * each transfer (its part or range concurrency), not here. Created lazily; shut down with the
 * storage.
 */
final class Transfers {

  private final String name;
  private final AtomicInteger threads = new AtomicInteger();
  private ThreadPoolExecutor executor; // guarded by this
  private boolean closed; // guarded by this

  Transfers(String name) {
    this.name = name;
  }

  /** The executor, started on first use; rejects tasks once the storage is closed. */
  synchronized ExecutorService executor() {
    if (executor == null) {
      executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "ysh-storage-" + name + "-transfer-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      if (closed) {
        executor.shutdown();
      }
    }
    return executor;
  }

  /** Stops accepting transfers; those running finish. */
  synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdown();
    }
  }
}
