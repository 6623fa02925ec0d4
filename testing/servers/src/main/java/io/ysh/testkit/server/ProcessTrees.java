package io.ysh.testkit.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a process together with every process it started. */
final class ProcessTrees {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessTrees.class);

  /** How long to wait after SIGKILL; the kernel needs only milliseconds. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 20;

  private ProcessTrees() {}

  /**
   * Asks the process and all its descendants to terminate (SIGTERM), waits up to
   * {@code gracePeriod}, then kills whatever is left (SIGKILL) and waits for that too.
   *
   * <p>Descendants are listed before anything is signalled: once a parent dies its children are
   * re-parented and can no longer be found from it.
   *
   * @return {@code true} if every process of the tree is gone
   */
  static boolean terminate(ProcessHandle root, Duration gracePeriod, String serverName) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    addDescendants(root, tree);
    for (ProcessHandle handle : tree) {
      handle.destroy();
    }
    if (awaitGone(tree, gracePeriod)) {
      return true;
    }
    // Anything the root started while we waited belongs to the tree too.
    addDescendants(root, tree);
    List<ProcessHandle> stubborn =
        tree.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
    LOG.info(
        "Server '{}' did not stop within {}; killing pids {}",
        serverName,
        Readiness.seconds(gracePeriod),
        pids(stubborn));
    for (ProcessHandle handle : stubborn) {
      handle.destroyForcibly();
    }
    if (awaitGone(stubborn, AFTER_KILL)) {
      return true;
    }
    LOG.warn(
        "Server '{}': pids {} are still alive after SIGKILL",
        serverName,
        pids(stubborn.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList())));
    return false;
  }

  /**
   * Kills the process and all its descendants at once with SIGKILL, as a crash would (no grace
   * period, no shutdown hooks), and waits for them to be gone.
   *
   * @return {@code true} if every process of the tree is gone
   */
  static boolean kill(ProcessHandle root, String serverName) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    addDescendants(root, tree);
    for (ProcessHandle handle : tree) {
      handle.destroyForcibly();
    }
    if (awaitGone(tree, AFTER_KILL)) {
      return true;
    }
    LOG.warn(
        "Server '{}': pids {} are still alive after SIGKILL",
        serverName,
        pids(tree.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList())));
    return false;
  }

  private static void addDescendants(ProcessHandle root, List<ProcessHandle> tree) {
    root.descendants().filter(h -> !tree.contains(h)).forEach(tree::add);
  }

  /** Polls rather than using onExit(), which backs off to seconds for non-child processes. */
  static boolean awaitGone(List<ProcessHandle> handles, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (handles.stream().noneMatch(ProcessHandle::isAlive)) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return handles.stream().noneMatch(ProcessHandle::isAlive);
      }
    }
  }

  private static String pids(List<ProcessHandle> handles) {
    return handles.stream().map(h -> Long.toString(h.pid())).collect(Collectors.joining(", "));
  }
}
