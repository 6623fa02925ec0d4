package io.ysh.benchmarks.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a free 127.0.0.1 port that models a long link: every byte is delayed by a fixed
 * time in each direction, and each direction of each connection has at most a window of bytes in
 * flight, as one TCP connection whose receive window is that size.
 *
 * <p><strong>Delay.</strong> A delay line: each chunk is forwarded when its own delay has passed,
 * chunks in flight overlap; not a chunk-by-chunk hold. (The fault proxy's latency toxic holds each
 * 16 KiB chunk in turn, which caps a connection at 16 KiB per delay, 0.8 MB/s at 20 ms: a
 * bandwidth limit, under which any number of parallel connections would look like a win.)
 *
 * <p><strong>Window.</strong> With a window of {@code W} bytes, a byte takes window space when
 * the proxy reads it from the sender and frees it one delay after it was written to the receiver
 * (the acknowledgement coming back): a byte holds its space for at least one round trip (twice the
 * delay), longer when the receiver does not read. So one direction of one connection carries at
 * most {@code W} per round trip, {@code W / (2 * delay)}, like a TCP stream limited by its window,
 * whatever the bandwidth of loopback; parallel connections each have their own window, as on a
 * real link. Window 0: no limit (only the delay). There is no bandwidth limit, no loss and no slow
 * start: once the window is open it stays open.
 */
final class DelayProxy implements AutoCloseable {

  private static final byte[] END = new byte[0];

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final long delayNanos;
  private final int window;
  private volatile boolean closed;
  /** The proxy's own threads, and the CPU time of those that ended: to tell the link's CPU from the client's. */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final LongAdder endedCpuNanos = new LongAdder();
  private final LongAdder connections = new LongAdder();

  private record Chunk(long due, byte[] bytes) {}

  /**
   * A delay line without a window limit.
   *
   * @param host the upstream host
   * @param port the upstream port
   * @param delayMillis the delay each way
   * @throws IOException if the port cannot be bound
   */
  DelayProxy(String host, int port, long delayMillis) throws IOException {
    this(host, port, delayMillis, 0);
  }

  /**
   * A delay line with a per-connection, per-direction window.
   *
   * @param host the upstream host
   * @param port the upstream port
   * @param delayMillis the delay each way
   * @param windowBytes the bytes each direction of each connection may have in flight; 0: no limit
   * @throws IOException if the port cannot be bound
   */
  DelayProxy(String host, int port, long delayMillis, int windowBytes) throws IOException {
    if (delayMillis < 0 || windowBytes < 0) {
      throw new IllegalArgumentException("delay and window must not be negative");
    }
    this.upstream = new InetSocketAddress(host, port);
    this.delayNanos = delayMillis * 1_000_000L;
    this.window = windowBytes;
    this.server = new ServerSocket(0, 200, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    Thread acceptor = new Thread(this::accept, "delay-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * The CPU time the proxy's threads have used so far (in the same process as the clients, whose
   * CPU time it is not).
   */
  long cpuNanos() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = endedCpuNanos.sum();
    for (Thread t : threads) {
      long n = mx.getThreadCpuTime(t.getId());
      sum += Math.max(0, n);
    }
    return sum;
  }

  /** How many connections the proxy has accepted so far. */
  long connections() {
    return connections.sum();
  }

  /** Runs {@code body} on a new daemon thread whose CPU time {@link #cpuNanos()} counts. */
  private void start(String name, Runnable body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } finally {
        endedCpuNanos.add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        threads.remove(Thread.currentThread());
      }
    }, name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  /** The window of each direction of each connection in bytes; 0: no limit. */
  int window() {
    return window;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        connections.increment();
        Socket target = new Socket(upstream.getAddress(), upstream.getPort());
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        pipe(client, target);
        pipe(target, client);
      } catch (IOException e) {
        if (!closed) {
          System.err.println("delay proxy: " + e);
        }
      }
    }
  }

  /**
   * The window of one direction of one connection: bytes in flight, and when the ones already
   * delivered give their space back.
   */
  private static final class Window {
    private final int size;
    private final ArrayDeque<long[]> releases = new ArrayDeque<>(); // {nanoTime, bytes}, in time order
    private long inFlight;

    Window(int size) {
      this.size = size;
    }

    /** Waits until some space is free; returns how many bytes may be sent now, at most {@code max}. */
    synchronized int acquire(int max) throws InterruptedException {
      if (size == 0) {
        return max;
      }
      while (true) {
        long now = System.nanoTime();
        while (!releases.isEmpty() && releases.peekFirst()[0] - now <= 0) {
          inFlight -= releases.pollFirst()[1];
        }
        if (inFlight < size) {
          return (int) Math.min(max, size - inFlight);
        }
        if (releases.isEmpty()) {
          wait(); // everything in flight is still on its way to the receiver
        } else {
          long nanos = releases.peekFirst()[0] - now;
          wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000));
        }
      }
    }

    synchronized void sent(int n) {
      if (size != 0) {
        inFlight += n;
      }
    }

    /** {@code n} bytes reached the receiver: their space is free once the acknowledgement is back. */
    synchronized void delivered(int n, long freeAt) {
      if (size != 0) {
        releases.addLast(new long[] {freeAt, n});
        notifyAll();
      }
    }
  }

  private void pipe(Socket from, Socket to) throws IOException {
    BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
    Window w = new Window(window);
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    start("delay-proxy-read", () -> {
      byte[] buf = new byte[64 * 1024];
      try {
        int n;
        while ((n = in.read(buf, 0, w.acquire(buf.length))) >= 0) {
          w.sent(n);
          line.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
        }
      } catch (IOException | InterruptedException ignored) {
        // the connection is gone
      }
      line.add(new Chunk(System.nanoTime() + delayNanos, END));
    });
    start("delay-proxy-write", () -> {
      try {
        while (true) {
          Chunk c = line.take();
          long wait;
          while ((wait = c.due() - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          if (c.bytes() == END) {
            to.shutdownOutput();
            return;
          }
          out.write(c.bytes());
          w.delivered(c.bytes().length, System.nanoTime() + delayNanos);
        }
      } catch (IOException | InterruptedException e) {
        closeQuietly(from);
        closeQuietly(to);
      }
    });
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
