package io.ysh.benchmarks.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The link {@link DelayProxy} models, measured through it against a local server: the delay each
 * way, and the per-connection window that caps one stream at a window per round trip.
 */
class DelayProxyTest {

  private static final long DELAY_MS = 20;
  private static final long RTT_NANOS = 2 * DELAY_MS * 1_000_000L;

  private ServerSocket server;
  private Thread serverThread;

  /**
   * A server that reads a 4-byte length and that many bytes on each connection, then sends the
   * same bytes back (the return direction goes through the proxy's other window).
   */
  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverThread = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread t = new Thread(() -> echo(s));
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    serverThread.setDaemon(true);
    serverThread.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  private static void echo(Socket s) {
    try (s) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      s.getOutputStream().write(body);
      s.getOutputStream().flush();
    } catch (IOException ignored) {
      // the test failed on its side
    }
  }

  /** Sends {@code n} random bytes through the proxy and reads them back; checks them; returns the nanoseconds. */
  private static long roundTrip(DelayProxy proxy, int n) throws IOException {
    byte[] body = new byte[n];
    new Random(n).nextBytes(body);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      long t0 = System.nanoTime();
      Thread writer = new Thread(() -> {
        try {
          out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
          out.write(body);
          out.flush();
        } catch (IOException ignored) {
          // the read below fails
        }
      });
      writer.start();
      byte[] back = new DataInputStream(in).readNBytes(n);
      long elapsed = System.nanoTime() - t0;
      assertArrayEquals(body, back, "the bytes come back unchanged and in order");
      return elapsed;
    }
  }

  @Test
  void aSmallMessageTakesOneRoundTripAndNotMuchMore() throws IOException {
    try (DelayProxy proxy = new DelayProxy("127.0.0.1", server.getLocalPort(), DELAY_MS, 64 * 1024)) {
      long t = roundTrip(proxy, 100);
      assertTrue(t >= RTT_NANOS, "at least the delay each way: " + t / 1e6 + " ms");
      assertTrue(t < 5 * RTT_NANOS, "not held longer than a few round trips: " + t / 1e6 + " ms");
    }
  }

  /**
   * 2 MiB each way with a 128 KiB window is 16 windows (17 with the length prefix): each window
   * needs one round trip before the next may go, so each way takes at least its windows less one
   * round trips plus one delay (and the delay line without a window carries it all in one round
   * trip and a little).
   */
  @Test
  void oneConnectionCarriesAtMostOneWindowPerRoundTrip() throws IOException {
    int n = 2 << 20;
    int window = 128 * 1024;
    long windowsThere = (n + 4 + window - 1) / window; // the length prefix and the body
    long windowsBack = (n + window - 1) / window;
    // the last window each way leaves one round trip after the first, and arrives one delay later
    long atLeast = (windowsThere - 1 + windowsBack - 1) * RTT_NANOS + RTT_NANOS;
    try (DelayProxy limited = new DelayProxy("127.0.0.1", server.getLocalPort(), DELAY_MS, window)) {
      long t = roundTrip(limited, n);
      assertTrue(t >= atLeast, "2 x 2 MiB through a 128 KiB window took " + t / 1e6 + " ms, less than "
          + atLeast / 1e6 + " ms");
      assertTrue(t < 3 * atLeast, "and not much more: " + t / 1e6 + " ms");
    }
    try (DelayProxy unlimited = new DelayProxy("127.0.0.1", server.getLocalPort(), DELAY_MS, 0)) {
      long t = roundTrip(unlimited, n);
      assertTrue(t < atLeast / 4, "without a window it is one round trip and the copying: " + t / 1e6 + " ms");
    }
  }

  /** The window is per connection: 4 connections at once take about as long as one. */
  @Test
  void parallelConnectionsEachHaveTheirOwnWindow() throws Exception {
    int n = 1 << 20;
    int window = 128 * 1024;
    try (DelayProxy proxy = new DelayProxy("127.0.0.1", server.getLocalPort(), DELAY_MS, window)) {
      long one = roundTrip(proxy, n);
      long[] times = new long[4];
      Thread[] threads = new Thread[times.length];
      long t0 = System.nanoTime();
      for (int i = 0; i < threads.length; i++) {
        int idx = i;
        threads[i] = new Thread(() -> {
          try {
            times[idx] = roundTrip(proxy, n);
          } catch (IOException e) {
            times[idx] = -1;
          }
        });
        threads[i].start();
      }
      for (Thread t : threads) {
        t.join();
      }
      long four = System.nanoTime() - t0;
      for (long t : times) {
        assertTrue(t > 0, "every connection completed");
      }
      // one window shared by all would take 4 times as long as one connection
      assertTrue(four < 2 * one, "4 connections took " + four / 1e6 + " ms, one took " + one / 1e6 + " ms");
    }
  }

  @Test
  void negativeSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new DelayProxy("127.0.0.1", 1, 20, -1));
    assertThrows(IllegalArgumentException.class, () -> new DelayProxy("127.0.0.1", 1, -1, 0));
  }
}
