package io.ysh.cache.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.url.HostAndPort;
import io.ysh.support.redis.LettuceErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Redis cache driver on Lettuce: standalone Redis (also TLS and managed offerings such as
 * ElastiCache, Azure Cache for Redis and Memorystore), Redis Sentinel and Redis Cluster.
 *
 * <p>How each operation maps: {@code get} GET, {@code getAll} MGET (split per slot in a cluster,
 * one round trip per slot), {@code put} SET [PX], {@code putIfAbsent} SET NX [PX],
 * {@code putAll} SET [PX] per key pipelined on a dedicated connection with auto-flush off (one
 * flush per batch, routed per node in a cluster, flushed again while commands redirected by
 * {@code MOVED}/{@code ASK} are outstanding), {@code delete} DEL, {@code exists} EXISTS,
 * {@code expire} PEXPIRE, {@code increment} INCRBY, {@code clear} SCAN MATCH + UNLINK in
 * batches (on every master in a cluster; never KEYS or FLUSHDB).
 *
 * <p>Connections: one shared, auto-reconnecting connection (plus one for pipelined writes).
 * On standalone Redis and Sentinel, commands issued while it is disconnected are rejected at
 * once (UNAVAILABLE) rather than queued; on a cluster, whose node connections open lazily and
 * reopen on topology changes, they wait for the reconnection, bounded by the command timeout
 * (TIMEOUT). Lettuce reconnects in the background with backoff capped at
 * {@link Builder#reconnectMaxDelay}.
 * If Redis cannot be reached when the driver is built, the driver connects on first use.
 *
 * <p>Near cache ({@link Builder#nearCache(long)}, standalone and Sentinel only): single-key
 * {@code get}s are served from a bounded local tier, filled on a miss together with the key's
 * PTTL (so local copies expire with the key), and kept coherent by Redis server-assisted
 * client-side caching: the connection runs RESP3 with {@code CLIENT TRACKING ON}, and Redis
 * pushes an invalidation when any client changes a key this connection read. Writes through
 * this driver invalidate the local copy at once; writes by other clients are seen once their
 * invalidation arrives, normally within a millisecond or two. When the connection drops, the
 * local tier is flushed and bypassed until tracking is re-enabled on the new connection, so no
 * value survives an invalidation missed during the gap.
 */
public final class RedisCacheDriver implements CacheDriver {

  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final int SCAN_BATCH = 500;
  private static final long FLUSH_AGAIN_FIRST_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long FLUSH_AGAIN_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** The topology. */
  enum Mode {
    STANDALONE,
    SENTINEL,
    CLUSTER
  }

  private record Connected(
      StatefulConnection<String, byte[]> connection,
      RedisClusterCommands<String, byte[]> sync,
      RedisClusterAsyncCommands<String, byte[]> async) {}

  private final Mode mode;
  private final ClientResources resources;
  private final AbstractRedisClient client;
  private final Duration commandTimeout;
  private final LettuceErrors errors;
  private final NearCache near;
  private final String description;
  private final Object connectLock = new Object();
  private final Object bulkLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Connected main;
  private volatile Connected bulk;

  private RedisCacheDriver(Builder b) {
    this.mode = b.mode;
    this.commandTimeout = b.commandTimeout;
    List<String> secrets = new ArrayList<>();
    if (b.password != null) {
      secrets.add(b.password.reveal());
    }
    if (b.sentinelPassword != null) {
      secrets.add(b.sentinelPassword.reveal());
    }
    this.errors = LettuceErrors.scrubbing(secrets);
    if (b.nearCacheMaxEntries > 0 && mode == Mode.CLUSTER) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .operation("cache.open")
          .provider("redis")
          .detail("the near cache is available on standalone Redis and Sentinel, not on Redis Cluster")
          .build();
    }
    this.near = b.nearCacheMaxEntries > 0 ? new NearCache(b.nearCacheMaxEntries) : null;
    this.resources =
        DefaultClientResources.builder()
            .reconnectDelay(Delay.exponential(Duration.ofMillis(50), b.reconnectMaxDelay, 2, TimeUnit.MILLISECONDS))
            .build();
    SocketOptions socket = SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build();
    SslOptions ssl =
        b.caCertificates == null
            ? null
            : SslOptions.builder().jdkSslProvider().trustManager(b.caCertificates.toFile()).build();
    TimeoutOptions timeouts = TimeoutOptions.enabled(b.commandTimeout);
    // RESP3 is needed for tracking pushes on the same connection; otherwise let Lettuce negotiate
    // (RESP3 on Redis 6+, RESP2 on older managed offerings).
    ProtocolVersion protocol = near != null ? ProtocolVersion.RESP3 : null;
    StringBuilder desc = new StringBuilder(mode.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
    if (mode == Mode.CLUSTER) {
      List<RedisURI> seeds = new ArrayList<>();
      for (HostAndPort h : b.hosts) {
        seeds.add(uri(b, RedisURI.Builder.redis(h.host(), h.portOr(6379))));
      }
      RedisClusterClient cluster = RedisClusterClient.create(resources, seeds);
      cluster.setOptions(
          ClusterClientOptions.builder()
              .autoReconnect(true)
              // Node connections open lazily and reopen on topology changes; rejecting commands
              // while one connects would fail healthy calls, so a cluster buffers them, bounded
              // by the command timeout.
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
              .socketOptions(socket)
              .timeoutOptions(timeouts)
              .sslOptions(ssl == null ? SslOptions.create() : ssl)
              .maxRedirects(5)
              .topologyRefreshOptions(
                  // Lettuce 7 enables every adaptive refresh trigger (MOVED, ASK, reconnects) by default.
                  ClusterTopologyRefreshOptions.builder()
                      .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                      .build())
              .build());
      this.client = cluster;
      desc.append(b.hosts);
    } else {
      RedisURI.Builder u;
      if (mode == Mode.SENTINEL) {
        HostAndPort first = b.hosts.get(0);
        u =
            b.sentinelPassword == null
                ? RedisURI.Builder.sentinel(first.host(), first.portOr(26379), b.masterId)
                : RedisURI.Builder.sentinel(first.host(), first.portOr(26379), b.masterId, b.sentinelPassword.reveal());
        for (HostAndPort h : b.hosts.subList(1, b.hosts.size())) {
          if (b.sentinelPassword == null) {
            u.withSentinel(h.host(), h.portOr(26379));
          } else {
            u.withSentinel(h.host(), h.portOr(26379), b.sentinelPassword.reveal());
          }
        }
        desc.append(b.masterId).append('@').append(b.hosts);
      } else {
        HostAndPort h = b.hosts.get(0);
        u = RedisURI.Builder.redis(h.host(), h.portOr(6379));
        desc.append(h);
      }
      u.withDatabase(b.database);
      RedisClient standalone = RedisClient.create(resources, uri(b, u));
      ClientOptions.Builder options =
          ClientOptions.builder()
              .autoReconnect(true)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .socketOptions(socket)
              .timeoutOptions(timeouts);
      if (protocol != null) {
        options.protocolVersion(protocol);
      }
      if (ssl != null) {
        options.sslOptions(ssl);
      }
      standalone.setOptions(options.build());
      this.client = standalone;
      desc.append('/').append(b.database);
    }
    this.description = desc.toString();
    if (near != null) {
      client.addListener(
          new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
              Connected m = main;
              if (m != null && connection == m.connection()) {
                near.flush(true);
              }
            }

            // No onRedisConnected handler: every reconnect follows a disconnect, which already
            // flushed the tier and marked tracking lost; the next read re-enables tracking.
          });
    }
    try {
      main();
    } catch (RuntimeException e) {
      YshException mapped = errors.map(e);
      if (mapped.code() != ErrorCode.UNAVAILABLE && mapped.code() != ErrorCode.TIMEOUT) {
        shutdownQuietly();
        throw mapped.toBuilder().operation("cache.open").provider("redis").build();
      }
      // Unreachable for now: connect on first use, so a service can start before Redis.
    }
  }

  private static RedisURI uri(Builder b, RedisURI.Builder u) {
    if (b.password != null) {
      if (b.username != null) {
        u.withAuthentication(b.username, b.password.reveal());
      } else {
        u.withPassword(b.password.reveal());
      }
    }
    if (b.tls) {
      u.withSsl(true).withVerifyPeer(b.verifyPeer);
    }
    if (b.clientName != null) {
      u.withClientName(b.clientName);
    }
    u.withTimeout(b.commandTimeout);
    return u.build();
  }

  /**
   * Starts configuring a driver; for URLs use {@code Cache.open("redis://…")}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private Connected main() {
    Connected c = main;
    if (c != null) {
      return c;
    }
    synchronized (connectLock) {
      if (main == null) {
        checkOpen();
        Connected fresh = connect();
        if (near != null) {
          StatefulRedisConnection<String, byte[]> conn = cast(fresh.connection());
          conn.addListener(near::onPush);
        }
        main = fresh;
      }
      return main;
    }
  }

  private Connected bulk() {
    Connected c = bulk;
    if (c != null) {
      return c;
    }
    synchronized (connectLock) {
      if (bulk == null) {
        checkOpen();
        Connected fresh = connect();
        fresh.connection().setAutoFlushCommands(false);
        bulk = fresh;
      }
      return bulk;
    }
  }

  private Connected connect() {
    if (client instanceof RedisClusterClient cluster) {
      StatefulRedisClusterConnection<String, byte[]> c = cluster.connect(CODEC);
      return new Connected(c, c.sync(), c.async());
    }
    StatefulRedisConnection<String, byte[]> c = ((RedisClient) client).connect(CODEC);
    return new Connected(c, c.sync(), c.async());
  }

  @SuppressWarnings("unchecked")
  private static StatefulRedisConnection<String, byte[]> cast(StatefulConnection<String, byte[]> c) {
    return (StatefulRedisConnection<String, byte[]>) c;
  }

  private void ensureTracking(Connected c) {
    if (near.tracking()) {
      return;
    }
    long epoch = near.epoch();
    StatefulRedisConnection<String, byte[]> conn = cast(c.connection());
    conn.sync().clientTracking(TrackingArgs.Builder.enabled());
    near.trackingEnabled(epoch);
  }

  @Override
  public String provider() {
    return "redis";
  }

  @Override
  public byte[] get(String key) throws Exception {
    Connected c = main();
    if (near == null) {
      return c.sync().get(key);
    }
    ensureTracking(c);
    byte[] local = near.get(key);
    if (local != null) {
      return local;
    }
    long epoch = near.epoch();
    Object token = near.beginRead(key);
    RedisFuture<byte[]> value = c.async().get(key);
    RedisFuture<Long> pttl = c.async().pttl(key);
    byte[] v = await(value);
    Long ttl = await(pttl);
    near.completeRead(key, token, epoch, v, ttl == null ? -2 : ttl);
    return v;
  }

  @Override
  public Map<String, byte[]> getAll(List<String> keys) {
    List<KeyValue<String, byte[]>> values = main().sync().mget(keys.toArray(new String[0]));
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (KeyValue<String, byte[]> kv : values) {
      if (kv.hasValue()) {
        out.put(kv.getKey(), kv.getValue());
      }
    }
    return out;
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    try {
      if (ttl == null) {
        main().sync().set(key, value);
      } else {
        main().sync().set(key, value, SetArgs.Builder.px(ttl.toMillis()));
      }
    } finally {
      invalidateLocal(key);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    try {
      SetArgs args = ttl == null ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(ttl.toMillis());
      return "OK".equals(main().sync().set(key, value, args));
    } finally {
      invalidateLocal(key);
    }
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) throws Exception {
    Connected c = bulk();
    List<RedisFuture<String>> futures = new ArrayList<>(entries.size());
    SetArgs args = ttl == null ? null : SetArgs.Builder.px(ttl.toMillis());
    try {
      synchronized (bulkLock) {
        RedisClusterAsyncCommands<String, byte[]> async = c.async();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          futures.add(args == null ? async.set(e.getKey(), e.getValue()) : async.set(e.getKey(), e.getValue(), args));
        }
        c.connection().flushCommands();
      }
      long deadline = System.nanoTime() + commandTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(100L * (1 + entries.size() / 10_000));
      for (RedisFuture<String> f : futures) {
        awaitFlushing(c, f, deadline);
      }
    } catch (RedisCommandTimeoutException e) {
      // A pipeline that did not finish in time leaves the bulk connection with an unknown backlog,
      // or stalled for good (a hung server or path keeps the socket open: nothing but a timeout
      // notices). It is dedicated to bulk writes, so drop it: the next batch gets a fresh one.
      futures.forEach(f -> f.cancel(false));
      dropBulk(c);
      throw e;
    } finally {
      if (near != null) {
        entries.keySet().forEach(near::invalidate);
      }
    }
  }

  @Override
  public boolean delete(String key) {
    try {
      return main().sync().del(key) > 0;
    } finally {
      invalidateLocal(key);
    }
  }

  @Override
  public boolean exists(String key) {
    return main().sync().exists(key) > 0;
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    try {
      return main().sync().pexpire(key, ttl.toMillis());
    } finally {
      invalidateLocal(key);
    }
  }

  @Override
  public long increment(String key, long delta) {
    try {
      return main().sync().incrby(key, delta);
    } finally {
      invalidateLocal(key);
    }
  }

  @Override
  public long clear(String prefix) {
    RedisClusterCommands<String, byte[]> sync = main().sync();
    ScanIterator<String> it = ScanIterator.scan(sync, ScanArgs.Builder.matches(glob(prefix) + "*").limit(1000));
    long removed = 0;
    List<String> batch = new ArrayList<>(SCAN_BATCH);
    try {
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() >= SCAN_BATCH) {
          removed += sync.unlink(batch.toArray(new String[0]));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        removed += sync.unlink(batch.toArray(new String[0]));
      }
    } finally {
      if (near != null) {
        near.invalidatePrefix(prefix);
      }
    }
    return removed;
  }

  /** Escapes Redis glob metacharacters so a prefix matches literally. */
  static String glob(String literal) {
    StringBuilder sb = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private void invalidateLocal(String key) {
    if (near != null) {
      near.invalidate(key);
    }
  }

  private <T> T await(RedisFuture<T> f) throws Exception {
    return awaitUntil(f, System.nanoTime() + commandTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(50));
  }

  /**
   * Waits for one command of a pipelined batch, flushing the bulk connection again while it is
   * outstanding. With auto-flush off, a cluster connection sends nothing that reaches a node
   * connection's buffer after the batch's flush, and two kinds of command do: one answered
   * {@code MOVED} or {@code ASK} (resharding, failover), which Lettuce re-sends to the new owner
   * when the redirection arrives, and one routed to a node connection that was still opening
   * (lettuce#1111, lettuce#2420). Without another flush they wait for the command timeout.
   */
  private static <T> T awaitFlushing(Connected c, RedisFuture<T> f, long deadlineNanos) throws Exception {
    for (long slice = FLUSH_AGAIN_FIRST_NANOS; !f.isDone() && System.nanoTime() < deadlineNanos;
        slice = Math.min(slice * 2, FLUSH_AGAIN_MAX_NANOS)) {
      try {
        f.get(Math.min(slice, Math.max(0, deadlineNanos - System.nanoTime())), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        c.connection().flushCommands();
      } catch (ExecutionException e) {
        break; // done: awaitUntil reports it
      }
    }
    return awaitUntil(f, deadlineNanos);
  }

  private static <T> T awaitUntil(RedisFuture<T> f, long deadlineNanos) throws Exception {
    try {
      return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new RedisCommandTimeoutException("command timed out (pipelined batch)");
    }
  }

  private void dropBulk(Connected c) {
    synchronized (connectLock) {
      if (bulk == c) {
        bulk = null;
      }
    }
    c.connection().closeAsync();
  }

  /**
   * Maps failures, and watches for a stalled shared connection: when a command times out, one
   * {@code PING} (at most one at a time) checks the connection; if that times out too, the
   * connection is dropped and the next call opens a fresh one. A server or path that hangs keeps
   * the socket open, so without this every later command would time out until the operating
   * system's keepalive gave up on it (two hours by default).
   */
  @Override
  public ErrorMapper errorMapper() {
    return t -> {
      if (t instanceof RedisCommandTimeoutException) {
        probeMain();
      }
      return errors.map(t);
    };
  }

  private void probeMain() {
    Connected c = main;
    if (c == null || closed.get() || !probing.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<String> ping;
    try {
      ping = c.async().ping().toCompletableFuture();
    } catch (RuntimeException e) {
      probing.set(false);
      return;
    }
    ping.orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((pong, failure) -> {
      probing.set(false);
      Throwable f = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (f instanceof TimeoutException || f instanceof RedisCommandTimeoutException) {
        dropMain(c);
      }
    });
  }

  private void dropMain(Connected c) {
    synchronized (connectLock) {
      if (main != c) {
        return;
      }
      main = null;
    }
    if (near != null) {
      near.flush(true); // tracking ends with the connection; the next read re-enables it
    }
    c.connection().closeAsync();
  }

  @Override
  public ResiliencePolicy defaultPolicy() {
    return ResiliencePolicy.builder()
        .attemptTimeout(commandTimeout)
        .totalTimeout(commandTimeout.multipliedBy(3).plusSeconds(1))
        .retry(RetryPolicy.exponential(2, Duration.ofMillis(50), Duration.ofMillis(500)))
        .build();
  }

  /**
   * Answers, by type: {@link RedisClient} or {@link RedisClusterClient} (also as
   * {@link AbstractRedisClient}); the shared connection as {@link StatefulConnection},
   * {@link StatefulRedisConnection} or {@link StatefulRedisClusterConnection} (connecting if
   * needed; do not close it); the near cache's local tier as a Caffeine
   * {@code com.github.benmanes.caffeine.cache.Cache}.
   */
  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(client)) {
      return Optional.of(type.cast(client));
    }
    if (near != null && type.isInstance(near.local())) {
      return Optional.of(type.cast(near.local()));
    }
    if (StatefulConnection.class.isAssignableFrom(type)) {
      StatefulConnection<String, byte[]> c = main().connection();
      if (type.isInstance(c)) {
        return Optional.of(type.cast(c));
      }
    }
    return Optional.empty();
  }

  /**
   * Near-cache counters, for monitoring and tests.
   *
   * @return the counters, or empty without a near cache
   */
  public java.util.Optional<NearCacheStats> nearCacheStats() {
    return near == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new NearCacheStats(near.local().estimatedSize(), near.invalidations(), near.flushes()));
  }

  /**
   * A snapshot of the near cache's counters.
   *
   * @param entries local entries now (estimate)
   * @param invalidations keys invalidated by Redis's tracking pushes so far
   * @param flushes times the whole local tier was dropped (disconnects, reconnects, server flushes)
   */
  public record NearCacheStats(long entries, long invalidations, long flushes) {}

  private void checkOpen() {
    if (closed.get()) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).retryable(false).detail("the Redis cache is closed").build();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      shutdownQuietly();
    }
  }

  private void shutdownQuietly() {
    try {
      Connected b = bulk;
      if (b != null) {
        b.connection().close();
      }
      Connected m = main;
      if (m != null) {
        m.connection().close();
      }
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException ignored) {
      // best effort
    } finally {
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "RedisCacheDriver[" + description + (near != null ? ", near cache" : "") + "]";
  }

  /**
   * Configures a {@link RedisCacheDriver}; every option is also a URL parameter (see the
   * module README). Pass the result to {@code Cache.builder(driver)}. Not thread-safe.
   */
  public static final class Builder {
    private Mode mode = Mode.STANDALONE;
    private List<HostAndPort> hosts = List.of(new HostAndPort("localhost", 6379));
    private String masterId;
    private String username;
    private Secret password;
    private Secret sentinelPassword;
    private boolean tls;
    private boolean verifyPeer = true;
    private java.nio.file.Path caCertificates;
    private String clientName;
    private int database;
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration reconnectMaxDelay = Duration.ofSeconds(2);
    private long nearCacheMaxEntries;

    private Builder() {}

    /**
     * A standalone Redis (the default: {@code localhost:6379}).
     *
     * @param host the host
     * @param port the port
     * @return this builder
     */
    public Builder standalone(String host, int port) {
      this.mode = Mode.STANDALONE;
      this.hosts = List.of(new HostAndPort(host, port));
      return this;
    }

    /**
     * Redis behind Sentinel: the driver asks the sentinels for the master of {@code masterId},
     * and asks again on every reconnect, so it follows a failover.
     *
     * @param masterId the monitored master's name
     * @param sentinels the sentinels' addresses (port 26379 when absent)
     * @return this builder
     */
    public Builder sentinel(String masterId, List<HostAndPort> sentinels) {
      if (masterId == null || masterId.isBlank()) {
        throw YshException.invalidArgument("Sentinel needs the master's name");
      }
      if (sentinels == null || sentinels.isEmpty()) {
        throw YshException.invalidArgument("Sentinel needs at least one sentinel address");
      }
      this.mode = Mode.SENTINEL;
      this.masterId = masterId;
      this.hosts = List.copyOf(sentinels);
      return this;
    }

    /**
     * Redis Cluster, discovered from one or more seed nodes.
     *
     * @param seeds seed nodes (port 6379 when absent)
     * @return this builder
     */
    public Builder cluster(List<HostAndPort> seeds) {
      if (seeds == null || seeds.isEmpty()) {
        throw YshException.invalidArgument("Redis Cluster needs at least one seed node");
      }
      this.mode = Mode.CLUSTER;
      this.hosts = List.copyOf(seeds);
      return this;
    }

    /**
     * The ACL user name (Redis 6+; managed offerings with RBAC). Needs a password.
     *
     * @param username the user, or {@code null} for the default user
     * @return this builder
     */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /**
     * The password (AUTH), or the ACL user's password.
     *
     * @param password the password, or {@code null} for none
     * @return this builder
     */
    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /**
     * The sentinels' own password, when they require one.
     *
     * @param password the password, or {@code null}
     * @return this builder
     */
    public Builder sentinelPassword(Secret password) {
      this.sentinelPassword = password;
      return this;
    }

    /**
     * TLS ({@code rediss://}), as managed offerings require.
     *
     * @param tls whether to use TLS
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Whether to verify the server's certificate and host name under TLS (default true).
     *
     * @param verifyPeer whether to verify
     * @return this builder
     */
    public Builder verifyPeer(boolean verifyPeer) {
      this.verifyPeer = verifyPeer;
      return this;
    }

    /**
     * Trusts the CA certificates in a PEM file for TLS, instead of the JVM's default trust store
     * (for Redis with a private CA; managed offerings normally use public CAs).
     *
     * @param pemFile the PEM file with one or more CA certificates
     * @return this builder
     */
    public Builder caCertificates(java.nio.file.Path pemFile) {
      if (pemFile != null && !java.nio.file.Files.isReadable(pemFile)) {
        throw YshException.invalidArgument("caCert file is not readable: " + pemFile);
      }
      this.caCertificates = pemFile;
      return this;
    }

    /**
     * The CLIENT SETNAME of the connections, for {@code CLIENT LIST} and monitoring.
     *
     * @param clientName the name (no spaces), or {@code null}
     * @return this builder
     */
    public Builder clientName(String clientName) {
      if (clientName != null && (clientName.isEmpty() || clientName.chars().anyMatch(ch -> ch <= ' '))) {
        throw YshException.invalidArgument("clientName must be non-empty without spaces");
      }
      this.clientName = clientName;
      return this;
    }

    /**
     * The database index (standalone and Sentinel; a cluster has only database 0).
     *
     * @param database the index, 0 to 15 on a default Redis
     * @return this builder
     */
    public Builder database(int database) {
      if (database < 0) {
        throw YshException.invalidArgument("database must not be negative");
      }
      this.database = database;
      return this;
    }

    /**
     * The timeout of one command (default 2 s); also the portable attempt timeout.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * The TCP connect timeout (default 2 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The longest pause between reconnect attempts (default 2 s; attempts start after 50 ms
     * and back off exponentially).
     *
     * @param delay positive
     * @return this builder
     */
    public Builder reconnectMaxDelay(Duration delay) {
      this.reconnectMaxDelay = positive(delay, "reconnectMaxDelay");
      return this;
    }

    /**
     * Turns on the near cache with at most {@code maxEntries} local entries; see
     * {@link RedisCacheDriver}. Not available on Redis Cluster.
     *
     * @param maxEntries the bound, positive; 0 turns the near cache off
     * @return this builder
     */
    public Builder nearCache(long maxEntries) {
      if (maxEntries < 0) {
        throw YshException.invalidArgument("nearCache entries must not be negative");
      }
      this.nearCacheMaxEntries = maxEntries;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw YshException.invalidArgument(name + " must be positive");
      }
      return d;
    }

    /**
     * Builds the driver and tries to connect.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for inconsistent options,
     *     {@code UNAUTHENTICATED} when Redis rejects the credentials, {@code UNSUPPORTED} for a
     *     near cache on a cluster; an unreachable Redis is not an error here (the driver
     *     connects on first use)
     */
    public RedisCacheDriver build() {
      if (username != null && password == null) {
        throw YshException.invalidArgument("an ACL user name needs a password");
      }
      if (mode == Mode.CLUSTER && database != 0) {
        throw YshException.invalidArgument("Redis Cluster has only database 0");
      }
      return new RedisCacheDriver(this);
    }
  }
}
