package io.ysh.benchmarks.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a free 127.0.0.1 port that delays every byte by a fixed time in each direction,
 * like a long link: a delay line (each chunk is forwarded when its own delay has passed, chunks
 * in flight overlap), not a chunk-by-chunk hold. The fault proxy's latency toxic holds each 16 KiB
 * chunk in turn, which caps a connection at 16 KiB per delay (0.8 MB/s at 20 ms): a bandwidth
 * limit, under which any number of parallel connections would look like a win. Unbounded
 * buffering, no bandwidth limit: only the round trip is added.
 */
final class DelayProxy implements AutoCloseable {

  private static final byte[] END = new byte[0];

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final long delayNanos;
  private volatile boolean closed;

  private record Chunk(long due, byte[] bytes) {}

  DelayProxy(String host, int port, long delayMillis) throws IOException {
    this.upstream = new InetSocketAddress(host, port);
    this.delayNanos = delayMillis * 1_000_000L;
    this.server = new ServerSocket(0, 200, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    Thread acceptor = new Thread(this::accept, "delay-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
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

  private void pipe(Socket from, Socket to) throws IOException {
    BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    Thread reader = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          line.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
        }
      } catch (IOException ignored) {
        // the connection is gone
      }
      line.add(new Chunk(System.nanoTime() + delayNanos, END));
    }, "delay-proxy-read");
    Thread writer = new Thread(() -> {
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
        }
      } catch (IOException | InterruptedException e) {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "delay-proxy-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
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
