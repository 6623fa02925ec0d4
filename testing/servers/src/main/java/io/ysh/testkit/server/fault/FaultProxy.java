package io.ysh.testkit.server.fault;

import io.ysh.testkit.server.fault.Toxic.Direction;
import io.ysh.testkit.server.fault.Toxic.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free {@code 127.0.0.1} port that injects network faults between a client and
 * a real server: latency, bandwidth limits, a reset or an orderly close after a number of bytes,
 * a blackhole, and (for HTTP) a canned answer such as {@code 503 SlowDown} with
 * {@code Retry-After}. Toxics are {@linkplain #add armed} and removed while connections are
 * open; see {@link Toxic} for what each does and where it counts from.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.http("s3", "127.0.0.1", s3Port)) {
 *   // the client talks to proxy.uri() instead of the server
 *   proxy.add(Toxic.resetAfter(Direction.UPSTREAM, 256 * 1024).onRequests("^PUT .*partNumber=2").times(1));
 *   storage.put("big", data);                       // the part is reset once, retried, and succeeds
 *   assertThat(proxy.requests("partNumber=2")).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>A proxy made with {@link #http} also reads the framing of the HTTP/1.1 requests it forwards
 * (header block, then a {@code Content-Length} or chunked body), so that toxics can be aimed at
 * one kind of request ({@link Toxic#onRequests}) and every request line is kept in
 * {@link #requests()} with the time it arrived. Bytes that are not HTTP are forwarded unchanged.
 *
 * <p>Each connection is served by two threads of blocking I/O: a proxy for tests, not for load.
 * Thread-safe. {@link #close()} stops listening and closes every connection.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  private static final int CHUNK = 16 * 1024;
  private static final int MAX_HEAD = 64 * 1024;
  private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]{3,10} \\S+ HTTP/1\\.[01]");

  private final String name;
  private final InetSocketAddress upstream;
  private final boolean http;
  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final List<Armed> armed = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private FaultProxy(String name, String host, int port, boolean http) {
    this.name = Objects.requireNonNull(name, "name");
    this.upstream = new InetSocketAddress(Objects.requireNonNull(host, "host"), port);
    this.http = http;
    try {
      this.server = new ServerSocket(0, 100, InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}));
    } catch (IOException e) {
      throw new UncheckedIOException("the fault proxy '" + name + "' could not listen on 127.0.0.1", e);
    }
    this.acceptor = new Thread(this::acceptLoop, "fault-proxy-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A proxy that forwards bytes without looking at them.
   *
   * @param name a name for logs and threads
   * @param host the server's host
   * @param port the server's port
   * @return the running proxy; close it
   */
  public static FaultProxy tcp(String name, String host, int port) {
    return new FaultProxy(name, host, port, false);
  }

  /**
   * A proxy for HTTP/1.1 servers: it also logs request lines and lets toxics aim at requests.
   *
   * @param name a name for logs and threads
   * @param host the server's host
   * @param port the server's port
   * @return the running proxy; close it
   */
  public static FaultProxy http(String name, String host, int port) {
    return new FaultProxy(name, host, port, true);
  }

  /**
   * The port clients connect to (on {@code 127.0.0.1}).
   *
   * @return the port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * {@code http://127.0.0.1:<port>}.
   *
   * @return the base URI of the proxy
   */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Arms a toxic; it acts on connections already open and on new ones.
   *
   * @param toxic the toxic
   * @return its handle, to count its strikes or remove it
   * @throws IllegalArgumentException for an HTTP toxic on a proxy made with {@link #tcp}
   */
  public Armed add(Toxic toxic) {
    Objects.requireNonNull(toxic, "toxic");
    if (!http && (toxic.kind() == Kind.RESPOND || toxic.requests().isPresent())) {
      throw new IllegalArgumentException(toxic + " needs a proxy made with FaultProxy.http");
    }
    Armed a = new Armed(toxic);
    armed.add(a);
    return a;
  }

  /** Removes every toxic; connections already struck stay as they are (a blackhole stays dark). */
  public void clear() {
    for (Armed a : armed) {
      a.remove();
    }
  }

  /** Closes every open connection in order (FIN to both peers): the close toxic, applied now. */
  public void closeConnections() {
    for (Connection c : open) {
      c.kill(false);
    }
  }

  /** Resets every open connection (TCP RST to both peers). */
  public void resetConnections() {
    for (Connection c : open) {
      c.kill(true);
    }
  }

  /**
   * How many connections the proxy has accepted.
   *
   * @return the count
   */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /**
   * How many connections are open now.
   *
   * @return the count
   */
  public int openConnections() {
    return open.size();
  }

  /**
   * The HTTP requests seen so far, in arrival order (empty for a {@link #tcp} proxy).
   *
   * @return a snapshot
   */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests seen so far (between tests that share a proxy). */
  public void clearRequests() {
    requests.clear();
  }

  /**
   * How many requests seen so far have a header block (request line and headers, as
   * {@link Toxic#onRequests} matches) containing a match of {@code regex}.
   *
   * @param regex the pattern
   * @return the count
   */
  public long requests(String regex) {
    Pattern p = Pattern.compile(regex);
    return requests.stream().filter(r -> p.matcher(r.head()).find()).count();
  }

  /** Stops listening and closes every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Connection c : open) {
      c.kill(false);
    }
    try {
      acceptor.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + name + " 127.0.0.1:" + port() + " -> " + upstream.getHostString() + ":"
        + upstream.getPort() + (http ? ", http" : "") + ", toxics=" + armed + "]";
  }

  /**
   * One HTTP request the proxy saw.
   *
   * @param connection the number of the connection that carried it, from 1
   * @param nanoTime {@link System#nanoTime()} when its header block had arrived
   * @param line its request line, such as {@code GET /bucket/key HTTP/1.1}
   * @param head its whole header block: the request line and the headers, each ending in CR LF,
   *     then an empty line
   */
  public record Request(int connection, long nanoTime, String line, String head) {

    /**
     * The method.
     *
     * @return such as {@code PUT}
     */
    public String method() {
      return line.substring(0, line.indexOf(' '));
    }

    /**
     * The request target.
     *
     * @return such as {@code /bucket/key?partNumber=2}
     */
    public String target() {
      return line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' '));
    }
  }

  /** An armed toxic: counts its strikes and can be removed. */
  public final class Armed {
    private final Toxic toxic;
    private final AtomicInteger remaining;
    private final AtomicInteger struck = new AtomicInteger();
    private volatile boolean active = true;

    private Armed(Toxic toxic) {
      this.toxic = toxic;
      this.remaining = new AtomicInteger(toxic.times());
    }

    /**
     * The toxic.
     *
     * @return the toxic
     */
    public Toxic toxic() {
      return toxic;
    }

    /**
     * How many connections or requests it has struck.
     *
     * @return the count
     */
    public int struck() {
      return struck.get();
    }

    /**
     * Waits until it has struck {@code count} times.
     *
     * @param count the strikes to wait for
     * @param timeout how long to wait at most
     * @return true if it did within the timeout
     * @throws InterruptedException if interrupted
     */
    public boolean awaitStruck(int count, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (struck.get() < count) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(10);
      }
      return true;
    }

    /** Disarms it: it strikes no more (a connection already blackholed stays so). */
    public void remove() {
      active = false;
      armed.remove(this);
    }

    boolean claim() {
      if (!active) {
        return false;
      }
      boolean ok = remaining.getAndUpdate(r -> r > 0 ? r - 1 : r) > 0;
      if (ok) {
        struck.incrementAndGet();
      }
      return ok;
    }

    @Override
    public String toString() {
      return toxic + (struck.get() > 0 ? "×" + struck.get() : "");
    }
  }

  // ------------------------------------------------------------------ connections

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("fault proxy {}: accept failed", name, e);
        }
        return;
      }
      int id = accepted.incrementAndGet();
      Socket target = new Socket();
      try {
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        target.connect(upstream, 10_000);
      } catch (IOException e) {
        LOG.debug("fault proxy {}: connection {} could not reach {}", name, id, upstream, e);
        closeQuietly(client, true);
        closeQuietly(target, true);
        continue;
      }
      Connection c = new Connection(id, client, target);
      open.add(c);
      c.start();
    }
  }

  /** Stops a pump after its connection was killed. */
  private static final class Killed extends IOException {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("connection killed by a toxic");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // control flow, not a failure
    }
  }

  /** Where one armed toxic stands on one direction of one connection. */
  private static final class Engagement {
    long count;
    long started = System.nanoTime();
    boolean declined;
    boolean dark;
  }

  /** One direction of a connection. */
  private final class Side {
    final Direction direction;
    final Map<Armed, Engagement> engaged = new ConcurrentHashMap<>();

    Side(Direction direction) {
      this.direction = direction;
    }
  }

  private final class Connection {
    final int id;
    final Socket client;
    final Socket target;
    final Side up = new Side(Direction.UPSTREAM);
    final Side down = new Side(Direction.DOWNSTREAM);
    final AtomicInteger pumpsLeft = new AtomicInteger(2);
    volatile boolean killed;
    volatile boolean answering;

    Connection(int id, Socket client, Socket target) {
      this.id = id;
      this.client = client;
      this.target = target;
    }

    void start() {
      Thread upThread = new Thread(() -> pump(true), "fault-proxy-" + name + "-" + id + "-up");
      Thread downThread = new Thread(() -> pump(false), "fault-proxy-" + name + "-" + id + "-down");
      upThread.setDaemon(true);
      downThread.setDaemon(true);
      upThread.start();
      downThread.start();
    }

    void pump(boolean upward) {
      try {
        InputStream in = (upward ? client : target).getInputStream();
        OutputStream out = (upward ? target : client).getOutputStream();
        if (upward && http) {
          pumpHttp(in, out);
        } else {
          pumpRaw(in, out, upward ? up : down);
        }
        if (!killed && !answering) {
          (upward ? target : client).shutdownOutput();
        }
      } catch (Killed e) {
        // the toxic has done its work
      } catch (IOException e) {
        if (!killed && !answering) {
          LOG.debug("fault proxy {}: connection {} {} ended: {}", name, id, upward ? "up" : "down", e.toString());
          kill(false);
        }
      } finally {
        if (pumpsLeft.decrementAndGet() == 0) {
          kill(false);
        }
      }
    }

    void pumpRaw(InputStream in, OutputStream out, Side side) throws IOException {
      byte[] buffer = new byte[CHUNK];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (n > 0) {
          forward(side, buffer, 0, n, out);
        }
      }
    }

    /** Forwards requests one by one, reading their framing; falls back to raw bytes if not HTTP. */
    void pumpHttp(InputStream raw, OutputStream out) throws IOException {
      HttpReader in = new HttpReader(raw);
      byte[] buffer = new byte[CHUNK];
      while (true) {
        byte[] head = in.readHead();
        if (head == null) {
          return;
        }
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        int eol = headText.indexOf("\r\n");
        String line = eol < 0 ? "" : headText.substring(0, eol);
        if (!REQUEST_LINE.matcher(line).matches() || !headText.endsWith("\r\n\r\n")) {
          forward(up, head, 0, head.length, out);
          for (int n; (n = in.read(buffer, buffer.length)) >= 0; ) {
            forward(up, buffer, 0, n, out);
          }
          return;
        }
        requests.add(new Request(id, System.nanoTime(), line, headText));
        if (requestStarted(headText)) {
          return;
        }
        forward(up, head, 0, head.length, out);
        String lower = headText.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\r\ntransfer-encoding:[^\r]*chunked.*")) {
          copyChunked(in, out, buffer);
        } else {
          long length = contentLength(lower);
          while (length > 0) {
            int n = in.read(buffer, (int) Math.min(buffer.length, length));
            if (n < 0) {
              return;
            }
            forward(up, buffer, 0, n, out);
            length -= n;
          }
        }
      }
    }

    void copyChunked(HttpReader in, OutputStream out, byte[] buffer) throws IOException {
      while (true) {
        byte[] sizeLine = in.readLine();
        if (sizeLine == null) {
          return;
        }
        forward(up, sizeLine, 0, sizeLine.length, out);
        String text = new String(sizeLine, StandardCharsets.ISO_8859_1).trim();
        int semi = text.indexOf(';');
        long size = Long.parseLong(semi < 0 ? text : text.substring(0, semi).trim(), 16);
        if (size == 0) {
          while (true) {
            byte[] trailer = in.readLine();
            if (trailer == null) {
              return;
            }
            forward(up, trailer, 0, trailer.length, out);
            if (trailer.length <= 2) {
              return;
            }
          }
        }
        while (size > 0) {
          int n = in.read(buffer, (int) Math.min(buffer.length, size));
          if (n < 0) {
            return;
          }
          forward(up, buffer, 0, n, out);
          size -= n;
        }
        byte[] crlf = in.readLine();
        if (crlf == null) {
          return;
        }
        forward(up, crlf, 0, crlf.length, out);
      }
    }

    /**
     * Engages the toxics aimed at requests like this one, and answers it when a respond toxic
     * strikes.
     *
     * @return true when the request was answered by the proxy (the connection is then done)
     */
    boolean requestStarted(String head) throws IOException {
      String line = head.substring(0, head.indexOf("\r\n"));
      for (Armed a : armed) {
        Toxic t = a.toxic();
        if (t.requests().isEmpty() || t.kind() == Kind.RESPOND) {
          continue;
        }
        Side side = t.direction() == Direction.UPSTREAM ? up : down;
        Engagement old = side.engaged.get(a);
        if (old != null && old.dark) {
          continue;
        }
        if (t.matches(head)) {
          side.engaged.put(a, new Engagement());
        } else {
          side.engaged.remove(a);
        }
      }
      for (Armed a : armed) {
        if (a.toxic().kind() == Kind.RESPOND && a.toxic().matches(head) && a.claim()) {
          LOG.info("fault proxy {}: answering '{}' on connection {} ({})", name, line, id, a.toxic());
          answer(a.toxic().response());
          return true;
        }
      }
      return false;
    }

    /** Answers instead of the server, then reads and drops what the client still sends. */
    void answer(byte[] response) throws IOException {
      answering = true;
      closeQuietly(target, false);
      OutputStream out = client.getOutputStream();
      out.write(response);
      out.flush();
      client.shutdownOutput();
      client.setSoTimeout(5_000);
      InputStream in = client.getInputStream();
      byte[] sink = new byte[CHUNK];
      try {
        while (in.read(sink) >= 0) {
          // the request body the client still sends goes nowhere
        }
      } catch (IOException ignored) {
        // the client gave up or reset: either way we are done
      }
      kill(false);
    }

    /** Forwards bytes through every toxic armed for their direction. */
    void forward(Side side, byte[] b, int off, int len, OutputStream out) throws IOException {
      if (killed || answering) {
        throw new Killed();
      }
      List<Engagement> cutters = new ArrayList<>(2);
      List<Armed> cutterToxics = new ArrayList<>(2);
      for (Armed a : armed) {
        Toxic t = a.toxic();
        if (t.direction() != side.direction || t.kind() == Kind.RESPOND) {
          continue;
        }
        Engagement e = side.engaged.get(a);
        if (e == null) {
          if (t.requests().isPresent()) {
            continue; // engaged only by a matching request
          }
          e = new Engagement();
          side.engaged.put(a, e);
        }
        if (e.declined) {
          continue;
        }
        switch (t.kind()) {
          case LATENCY -> sleepNanos(t.amount());
          case BANDWIDTH -> {
            e.count += len;
            sleepNanos(e.started + e.count * 1_000_000_000L / t.amount() - System.nanoTime());
          }
          case RESET, CLOSE, BLACKHOLE -> {
            cutters.add(e);
            cutterToxics.add(a);
          }
          default -> { }
        }
      }
      for (Side s : List.of(up, down)) {
        s.engaged.entrySet().removeIf(x -> !x.getKey().active && !x.getValue().dark);
      }
      for (Map.Entry<Armed, Engagement> entry : side.engaged.entrySet()) {
        if (entry.getValue().dark) {
          return; // swallowed
        }
      }
      int pos = off;
      int end = off + len;
      while (true) {
        int cut = -1;
        long allowance = Long.MAX_VALUE;
        for (int i = 0; i < cutters.size(); i++) {
          Engagement e = cutters.get(i);
          if (e.declined) {
            continue;
          }
          long left = cutterToxics.get(i).toxic().amount() - e.count;
          if (left < allowance) {
            allowance = left;
            cut = i;
          }
        }
        int n = (int) Math.min(end - pos, Math.max(0, allowance));
        if (n > 0) {
          out.write(b, pos, n);
          for (Engagement e : cutters) {
            e.count += n;
          }
          pos += n;
        }
        if (cut < 0 || allowance > n) {
          break; // everything forwarded, no cut point reached
        }
        Armed a = cutterToxics.get(cut);
        boolean claimed = a.claim();
        if (claimed && a.toxic().kind() == Kind.BLACKHOLE) {
          out.flush();
          cutters.get(cut).dark = true;
          LOG.info("fault proxy {}: blackholing connection {} {} after {} B ({})", name, id, side.direction,
              a.toxic().amount(), a.toxic());
          return; // the rest of this chunk, and all that follows, is swallowed
        }
        if (claimed) {
          out.flush();
          boolean reset = a.toxic().kind() == Kind.RESET;
          LOG.info("fault proxy {}: {} connection {} after {} B {} ({})", name, reset ? "resetting" : "closing", id,
              a.toxic().amount(), side.direction, a.toxic());
          kill(reset);
          throw new Killed();
        }
        cutters.get(cut).declined = true;
      }
      out.flush();
    }

    void kill(boolean reset) {
      if (killed) {
        return;
      }
      killed = true;
      closeQuietly(client, reset);
      closeQuietly(target, reset);
      open.remove(this);
    }
  }

  private static void closeQuietly(Socket s, boolean reset) {
    try {
      if (reset && !s.isClosed()) {
        s.setSoLinger(true, 0);
      }
    } catch (SocketException ignored) {
      // closing anyway
    }
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
  }

  private static void sleepNanos(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long wait = nanos; wait > 0; wait = deadline - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }

  private static long contentLength(String lowerHead) {
    int i = lowerHead.indexOf("\r\ncontent-length:");
    if (i < 0) {
      return 0;
    }
    int start = i + "\r\ncontent-length:".length();
    int end = lowerHead.indexOf("\r\n", start);
    return Long.parseLong(lowerHead.substring(start, end).trim());
  }

  /** Buffered reads of an HTTP request stream: header blocks, lines and raw bytes. */
  private static final class HttpReader {
    private final InputStream in;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int lim;

    HttpReader(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      if (pos < lim) {
        return true;
      }
      int n = in.read(buf);
      if (n < 0) {
        return false;
      }
      pos = 0;
      lim = n;
      return true;
    }

    /**
     * Bytes up to and including the blank line that ends a header block; null at a clean end of
     * stream; what was read, unterminated, when the stream ends or the block grows too large.
     */
    byte[] readHead() throws IOException {
      java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(512);
      int state = 0; // how much of CR LF CR LF has been seen
      while (true) {
        if (!fill()) {
          return head.size() == 0 ? null : head.toByteArray();
        }
        int start = pos;
        while (pos < lim) {
          byte c = buf[pos++];
          state = c == '\r' ? (state == 2 ? 3 : 1) : c == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
          if (state == 4) {
            head.write(buf, start, pos - start);
            return head.toByteArray();
          }
        }
        head.write(buf, start, pos - start);
        if (head.size() > MAX_HEAD || !mayBeRequest(head.toByteArray())) {
          return head.toByteArray();
        }
      }
    }

    /** Whether these first bytes can still begin a request line (a method, then a space). */
    private static boolean mayBeRequest(byte[] start) {
      for (int i = 0; i < start.length; i++) {
        if (start[i] == ' ') {
          return i >= 3;
        }
        if (start[i] < 'A' || start[i] > 'Z' || i >= 10) {
          return false;
        }
      }
      return true;
    }

    /** One line including its CR LF; null at the end of the stream. */
    byte[] readLine() throws IOException {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(16);
      while (true) {
        if (!fill()) {
          return line.size() == 0 ? null : line.toByteArray();
        }
        int start = pos;
        while (pos < lim) {
          if (buf[pos++] == '\n') {
            line.write(buf, start, pos - start);
            return line.toByteArray();
          }
        }
        line.write(buf, start, pos - start);
        if (line.size() > MAX_HEAD) {
          throw new IOException("an HTTP line longer than " + MAX_HEAD + " bytes");
        }
      }
    }

    int read(byte[] dst, int max) throws IOException {
      if (!fill()) {
        return -1;
      }
      int n = Math.min(max, lim - pos);
      System.arraycopy(buf, pos, dst, 0, n);
      pos += n;
      return n;
    }
  }
}
