package io.ysh.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports on {@code 127.0.0.1}, for servers that tests start.
 *
 * <p>A port is found by binding port 0 on the loopback address, reading the port the system
 * chose, and closing the socket; the server must then bind it soon. The same port is never
 * handed out twice by one JVM, so servers started one after the other do not race for a port
 * the system hands out again.
 *
 * <p>Redis Cluster nodes also listen on a bus port, by default the client port plus 10000;
 * take a second port from {@link #reserve(int)} and pass it as {@code cluster-port}.
 */
public final class FreePorts {

  private static final InetAddress LOOPBACK = ipv4Loopback();
  private static final int MAX_ATTEMPTS = 100;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /**
   * One free port on {@code 127.0.0.1}.
   *
   * @return the port
   * @throws UncheckedIOException if no port could be bound
   */
  public static int next() {
    return reserve(1)[0];
  }

  /**
   * {@code count} distinct free ports on {@code 127.0.0.1}; all are held bound until every one
   * is chosen, so they differ from each other.
   *
   * @param count how many ports, at least 1
   * @return the ports
   * @throws IllegalArgumentException if {@code count} is less than 1
   * @throws UncheckedIOException if the ports could not be bound
   */
  public static synchronized int[] reserve(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ports[i] = bindNew(held);
      }
      for (int port : ports) {
        HANDED_OUT.add(port);
      }
      return ports;
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // nothing to do: the port is released with the socket either way
        }
      }
    }
  }

  private static InetAddress ipv4Loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Binds a port never handed out before; keeps every socket it opened in {@code held}. */
  private static int bindNew(List<ServerSocket> held) {
    IOException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        ServerSocket socket = new ServerSocket(0, 1, LOOPBACK);
        held.add(socket);
        if (!HANDED_OUT.contains(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException(
        "no free TCP port on " + LOOPBACK.getHostAddress() + " after " + MAX_ATTEMPTS + " attempts",
        last == null ? new IOException("every port offered was handed out before") : last);
  }
}
