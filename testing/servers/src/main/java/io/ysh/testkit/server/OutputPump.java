package io.ysh.testkit.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Drains a process's merged stdout and stderr on its own daemon thread: every line goes to the
 * log file, into a bounded tail kept for error messages, and (until the server is ready) into a
 * history that log-line probes search.
 */
final class OutputPump implements Runnable {

  static final int TAIL_CAPACITY = 200;
  private static final int MAX_LINE_IN_MEMORY = 2_000;

  private final String serverName;
  private final Process process;
  private final BufferedReader reader;
  private final Writer log;
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  /** Every line since start, until readiness is settled; then null. */
  private List<String> history = new ArrayList<>();
  /** For each pattern asked about: how many history lines were already searched, or -1 once found. */
  private final Map<Pattern, Integer> searched = new IdentityHashMap<>();

  OutputPump(String serverName, Process process, InputStream output, Writer log) {
    this.serverName = serverName;
    this.process = process;
    this.reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    this.log = log;
  }

  Thread start() {
    Thread thread = new Thread(this, "ysh-server-output-" + serverName);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    boolean logWritable = true;
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        // Written and flushed before a probe can see it: once a log-line probe reports ready,
        // the line is in the file.
        if (logWritable) {
          logWritable = write(line);
        }
        remember(line);
      }
    } catch (IOException e) {
      // The stream was closed under us (the process is gone): nothing more to read.
    } finally {
      try {
        if (logWritable) {
          footer();
        }
      } finally {
        closeQuietly();
        finished.countDown();
      }
    }
  }

  private synchronized void remember(String line) {
    String kept = line.length() > MAX_LINE_IN_MEMORY
        ? line.substring(0, MAX_LINE_IN_MEMORY) + "… (" + line.length() + " chars)"
        : line;
    if (tail.size() == TAIL_CAPACITY) {
      tail.removeFirst();
    }
    tail.addLast(kept);
    if (history != null) {
      history.add(line);
    }
  }

  private boolean write(String line) {
    try {
      synchronized (log) {
        log.write(line);
        log.write(System.lineSeparator());
        log.flush();
      }
      return true;
    } catch (IOException e) {
      // A full disk must not stop us draining the pipe, or the server would block on output.
      return false;
    }
  }

  private void footer() {
    String end;
    try {
      end = process.waitFor(2, TimeUnit.SECONDS)
          ? "# ysh testkit: output ended; exit code " + process.exitValue()
          : "# ysh testkit: output ended; the process is still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end = "# ysh testkit: output ended";
    }
    write(end);
  }

  private void closeQuietly() {
    try {
      synchronized (log) {
        log.close();
      }
    } catch (IOException e) {
      // nothing left to do with the log
    }
    try {
      reader.close();
    } catch (IOException e) {
      // the pipe is gone either way
    }
  }

  /** Whether any line since start contains a match; each line is searched once per pattern. */
  synchronized boolean anyLineMatches(Pattern pattern) {
    Integer done = searched.getOrDefault(pattern, 0);
    if (done < 0) {
      return true;
    }
    if (history == null) {
      throw new IllegalStateException("readiness of '" + serverName + "' was already settled");
    }
    for (int i = done; i < history.size(); i++) {
      if (pattern.matcher(history.get(i)).find()) {
        searched.put(pattern, -1);
        return true;
      }
    }
    searched.put(pattern, history.size());
    return false;
  }

  /** Readiness is settled: stop keeping every line. */
  synchronized void forgetHistory() {
    history = null;
    searched.clear();
  }

  /** The last {@code maxLines} lines, oldest first. */
  synchronized List<String> tail(int maxLines) {
    List<String> all = new ArrayList<>(tail);
    return List.copyOf(all.subList(Math.max(0, all.size() - maxLines), all.size()));
  }

  /** Waits until the output ended (every process holding the pipe is gone). */
  boolean awaitEnd(Duration timeout) {
    try {
      return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes a harness note (not server output) into the log. */
  static void note(Writer log, String text) {
    try {
      synchronized (log) {
        log.write("# ysh testkit: " + text + System.lineSeparator());
        log.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
