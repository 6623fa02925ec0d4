package io.ysh.asaas;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Client sockets that can be told to refuse the next connections: the live ones are closed (so
 * OkHttp's health check discards them) and the next {@code n} connects throw
 * {@link ConnectException}, as a host that is down does. Nothing of the request is written, which
 * is what allows a create to be posted again.
 */
final class FailingSockets extends SocketFactory {

  private final AtomicInteger toRefuse = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final List<Socket> live = new CopyOnWriteArrayList<>();

  void refuseNextConnects(int n) {
    for (Socket s : live) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing is all that matters
      }
    }
    live.clear();
    toRefuse.set(n);
  }

  int failed() {
    return refused.get();
  }

  @Override
  public Socket createSocket() {
    Socket socket = new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (toRefuse.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
          refused.incrementAndGet();
          throw new ConnectException("Connection refused (simulated)");
        }
        super.connect(endpoint, timeout);
      }
    };
    live.add(socket);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address, port);
  }
}
