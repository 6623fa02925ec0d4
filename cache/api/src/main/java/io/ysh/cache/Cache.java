package io.ysh.cache;

import io.ysh.core.Args;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.cache.spi.CacheDriverProvider;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.DriverRegistry;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.ResourceUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A portable key-value cache: the same API over an in-memory store ({@code mem://}) and Redis
 * ({@code redis://}, {@code rediss://}, {@code redis-sentinel://}, {@code redis-cluster://}).
 *
 * <pre>{@code
 * try (Cache cache = Cache.open("redis://localhost:6379/0?namespace=orders")) {
 *   TypedCache<Order> orders = cache.as(Codec.json(Order.class));
 *   orders.put("o-1", order, Duration.ofMinutes(10));
 *   Order o = orders.getOrLoad("o-2", Duration.ofMinutes(10), () -> repository.load("o-2"));
 *   long views = cache.increment("views:o-1");
 * }
 * }</pre>
 *
 * <p>Keys are strings (stored as UTF-8, at most {@link Builder#maxKeyBytes(int)} bytes including
 * the namespace prefix). Values are typed through a {@link Codec}: {@link #as(Codec)} gives a
 * {@link TypedCache} view; views are cheap and share this cache's connections.
 *
 * <p><b>What is atomic, and what is not</b> (the same for every driver):
 *
 * <ul>
 *   <li>Every single-key operation ({@code get}, {@code put}, {@code putIfAbsent},
 *       {@code delete}, {@code exists}, {@code expire}, {@code increment}) is atomic on the
 *       store: concurrent {@link TypedCache#putIfAbsent putIfAbsent} calls on one absent key,
 *       from any number of threads or processes sharing the store, see exactly one winner;
 *       concurrent {@link #increment increments} are never lost.
 *   <li>{@link TypedCache#getAll getAll} and {@link TypedCache#putAll putAll} are batched (one
 *       round trip per batch, or per slot in Redis Cluster) but <em>not</em> atomic as a whole:
 *       another client may observe some entries of a {@code putAll} before others, and a failed
 *       {@code putAll} may have written some of its entries.
 *   <li>{@link TypedCache#getOrLoad getOrLoad} is <em>not</em> atomic across processes: it
 *       collapses concurrent misses on one key <em>within this JVM</em> (single-flight: the
 *       loader runs once and every waiting caller gets its value), but two JVMs may each run
 *       the loader once; the last write wins.
 *   <li>{@link #clear()} is not atomic: it removes the namespace's keys in batches, and keys
 *       written while it runs may survive.
 *   <li>Writes are immediate: when {@code put} returns, every client of the store reads the new
 *       value, except through a Redis near cache (opt-in), whose local copies are invalidated by
 *       the server asynchronously, normally within milliseconds.
 * </ul>
 *
 * <p>TTLs are positive {@link Duration}s with millisecond precision; expired keys are never
 * returned. Arguments are validated before any I/O: {@code null} keys or values, empty or
 * oversized keys, and zero, negative or sub-millisecond TTLs fail with
 * {@link ErrorCode#INVALID_ARGUMENT} and write nothing. Failures of the store are
 * {@link YshException}s with portable codes (an unreachable store is
 * {@link ErrorCode#UNAVAILABLE}, rejected credentials {@link ErrorCode#UNAUTHENTICATED}). A
 * stored value the codec cannot decode is an {@link ErrorCode#INTERNAL} error naming the codec,
 * never a silent {@code null}.
 *
 * <p>Instances are thread-safe; open one per store and share it.
 */
public final class Cache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Cache.class);

  /** The default limit on a key's UTF-8 size, namespace prefix included. */
  public static final int DEFAULT_MAX_KEY_BYTES = 1024;

  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "mem", "ysh-cache-memory",
          "redis", "ysh-cache-redis",
          "rediss", "ysh-cache-redis",
          "redis-sentinel", "ysh-cache-redis",
          "redis-cluster", "ysh-cache-redis");

  private static final DriverRegistry<CacheDriverProvider> REGISTRY =
      DriverRegistry.load("cache", CacheDriverProvider.class, ARTIFACTS);

  private final CacheDriver driver;
  private final Invoker invoker;
  private final String namespace;
  private final String prefix;
  private final Duration defaultTtl;
  private final int maxKeyBytes;
  private final boolean owner;
  private final ConcurrentMap<String, CompletableFuture<byte[]>> flights;
  private final AtomicBoolean closed;

  private Cache(
      CacheDriver driver,
      Invoker invoker,
      String namespace,
      Duration defaultTtl,
      int maxKeyBytes,
      boolean owner,
      ConcurrentMap<String, CompletableFuture<byte[]>> flights,
      AtomicBoolean closed) {
    this.driver = driver;
    this.invoker = invoker;
    this.namespace = namespace;
    this.prefix = namespace == null ? "" : namespace + ":";
    this.defaultTtl = defaultTtl;
    this.maxKeyBytes = maxKeyBytes;
    this.owner = owner;
    this.flights = flights;
    this.closed = closed;
  }

  /**
   * Opens a cache by URL. Portable query parameters: {@code namespace} (see
   * {@link #namespace(String)}), {@code defaultTtl} (such as {@code 10m}, {@code 30s},
   * {@code PT1H}) and {@code maxKeyBytes}; the driver reads the rest.
   *
   * @param url such as {@code mem://}, {@code redis://:secret@localhost:6379/0?namespace=app}
   * @return the cache
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed URL or option,
   *     {@code UNSUPPORTED} naming the artifact to add when the scheme's driver is missing,
   *     {@code UNAUTHENTICATED} when the store rejects the credentials
   */
  public static Cache open(String url) {
    return builder(url).build();
  }

  /**
   * Starts configuring a cache opened by URL, as {@link #open(String)}; the driver is opened by
   * {@link Builder#build()}. Options set on the builder win over the URL's portable parameters.
   *
   * @param url the URL
   * @return a builder
   */
  public static Builder builder(String url) {
    return new Builder(url, null);
  }

  /**
   * Starts configuring a cache over a driver built programmatically (such as one from
   * {@code RedisCacheDriver.builder()}). The cache closes the driver when it is closed.
   *
   * @param driver the driver
   * @return a builder
   */
  public static Builder builder(CacheDriver driver) {
    return new Builder(null, Args.notNull(driver, "driver"));
  }

  /**
   * A view of this cache whose keys live in a namespace: every key is stored as
   * {@code <namespace>:<key>} (nested namespaces concatenate: {@code a:b:key}), and
   * {@link #clear()} removes only that namespace's keys (and those of namespaces nested in it).
   * The view shares this cache's connections; closing it does nothing.
   *
   * @param name the namespace: non-empty, no {@code ':'} (nest instead), no control characters
   * @return the view
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid name
   */
  public Cache namespace(String name) {
    validateNamespace(name);
    String nested = namespace == null ? name : namespace + ":" + name;
    return new Cache(driver, invoker, nested, defaultTtl, maxKeyBytes, false, flights, closed);
  }

  /**
   * This cache's namespace, nested names joined by {@code ':'}.
   *
   * @return the namespace, or empty for the whole store
   */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /**
   * The TTL that {@code put} without a TTL applies.
   *
   * @return the default TTL, or empty when such entries never expire
   */
  public Optional<Duration> defaultTtl() {
    return Optional.ofNullable(defaultTtl);
  }

  /**
   * The driver's name, such as {@code memory} or {@code redis}.
   *
   * @return the provider
   */
  public String provider() {
    return driver.provider();
  }

  /**
   * A typed view through a codec.
   *
   * @param <V> the value type
   * @param codec the codec
   * @return the view
   */
  public <V> TypedCache<V> as(Codec<V> codec) {
    return new TypedCache<>(this, Args.notNull(codec, "codec"));
  }

  /**
   * Shorthand for {@code as(Codec.string())}.
   *
   * @return a view of UTF-8 string values
   */
  public TypedCache<String> strings() {
    return as(Codec.string());
  }

  /**
   * Shorthand for {@code as(Codec.bytes())}.
   *
   * @return a view of byte-array values
   */
  public TypedCache<byte[]> bytes() {
    return as(Codec.bytes());
  }

  /**
   * Removes a key. Atomic; deleting an absent key is not an error.
   *
   * @param key the key
   * @return {@code true} if it existed
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid key; the store's failure
   */
  public boolean delete(String key) {
    String full = fullKey(key);
    return invoker.call("delete", full, true, () -> driver.delete(full));
  }

  /**
   * Whether a key is present (and not expired).
   *
   * @param key the key
   * @return whether it exists
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid key; the store's failure
   */
  public boolean exists(String key) {
    String full = fullKey(key);
    return invoker.call("exists", full, true, () -> driver.exists(full));
  }

  /**
   * Replaces the TTL of an existing key. Atomic. Does nothing to an absent key.
   *
   * @param key the key
   * @param ttl the new TTL, positive
   * @return {@code true} if the key existed
   * @throws YshException {@code INVALID_ARGUMENT} for an invalid key or TTL; the store's failure
   */
  public boolean expire(String key, Duration ttl) {
    String full = fullKey(key);
    Duration t = requireTtl(ttl);
    return invoker.call("expire", full, true, () -> driver.expire(full, t));
  }

  /**
   * Adds one to a counter; see {@link #increment(String, long)}.
   *
   * @param key the key
   * @return the new value
   * @throws YshException as {@link #increment(String, long)}
   */
  public long increment(String key) {
    return increment(key, 1);
  }

  /**
   * Adds {@code delta} to the counter at {@code key}, atomically: concurrent increments from any
   * number of clients are never lost. An absent key starts at 0 and gets no TTL (set one with
   * {@link #expire}); a present key keeps its TTL. Counters are stored as decimal text, readable
   * with {@link Codec#longs()} or {@link Codec#string()}. Not retried on failure (a retry could
   * count twice).
   *
   * @param key the key
   * @param delta the amount, possibly negative
   * @return the new value
   * @throws YshException {@code PRECONDITION_FAILED} when the stored value is not an integer or
   *     the result would overflow a {@code long}; {@code INVALID_ARGUMENT} for an invalid key;
   *     the store's failure
   */
  public long increment(String key, long delta) {
    String full = fullKey(key);
    return invoker.call("increment", full, false, () -> driver.increment(full, delta));
  }

  /**
   * Subtracts one from a counter; see {@link #increment(String, long)}.
   *
   * @param key the key
   * @return the new value
   * @throws YshException as {@link #increment(String, long)}
   */
  public long decrement(String key) {
    return decrement(key, 1);
  }

  /**
   * Subtracts {@code delta} from a counter; see {@link #increment(String, long)}.
   *
   * @param key the key
   * @param delta the amount
   * @return the new value
   * @throws YshException as {@link #increment(String, long)}; {@code INVALID_ARGUMENT} when
   *     {@code delta} is {@link Long#MIN_VALUE}
   */
  public long decrement(String key, long delta) {
    if (delta == Long.MIN_VALUE) {
      throw YshException.invalidArgument("cannot decrement by Long.MIN_VALUE");
    }
    return increment(key, -delta);
  }

  /**
   * Removes every key of this cache's namespace (and of namespaces nested in it), scanning in
   * batches (never Redis {@code KEYS} or {@code FLUSHDB}). Not atomic: keys written while it
   * runs may survive.
   *
   * @return how many keys were removed
   * @throws YshException {@code PRECONDITION_FAILED} on a cache without a namespace (clearing a
   *     whole shared store is deliberately not offered); the store's failure
   */
  public long clear() {
    if (namespace == null) {
      throw YshException.builder(ErrorCode.PRECONDITION_FAILED)
          .operation("cache.clear")
          .provider(driver.provider())
          .detail("clear() needs a namespace: open the cache with ?namespace=… or use cache.namespace(name)")
          .build();
    }
    return invoker.call("clear", prefix, true, () -> driver.clear(prefix));
  }

  /**
   * The driver's native object, for what the portable API does not cover (Redis: the Lettuce
   * {@code RedisClient}/{@code RedisClusterClient} and the connection; memory: the Caffeine
   * cache), or the driver itself.
   *
   * @param <T> the type
   * @param type the native type
   * @return the native object
   * @throws YshException {@code UNSUPPORTED} when the driver has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    Args.notNull(type, "type");
    if (type.isInstance(driver)) {
      return type.cast(driver);
    }
    return driver.unwrap(type).orElseThrow(() -> YshException.builder(ErrorCode.UNSUPPORTED)
        .operation("cache.unwrap")
        .provider(driver.provider())
        .detail("the " + driver.provider() + " cache driver has no " + type.getName())
        .build());
  }

  /**
   * Closes the driver if this is the cache that opened it; views from {@link #namespace(String)}
   * do nothing. Idempotent.
   */
  @Override
  public void close() {
    if (owner && closed.compareAndSet(false, true)) {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "Cache[" + driver.provider() + (namespace == null ? "" : ", namespace=" + namespace) + "]";
  }

  // ---- package-private operations used by TypedCache ----

  <V> Optional<V> get(String key, Codec<V> codec) {
    String full = fullKey(key);
    byte[] bytes = invoker.call("get", full, true, () -> driver.get(full));
    return bytes == null ? Optional.empty() : Optional.of(decode("get", full, bytes, codec));
  }

  <V> void put(String key, V value, Duration ttl, Codec<V> codec) {
    String full = fullKey(key);
    byte[] bytes = encode("put", full, value, codec);
    invoker.run("put", full, true, () -> {
      driver.put(full, bytes, ttl);
      return null;
    });
  }

  <V> boolean putIfAbsent(String key, V value, Duration ttl, Codec<V> codec) {
    String full = fullKey(key);
    byte[] bytes = encode("putIfAbsent", full, value, codec);
    return invoker.call("putIfAbsent", full, false, () -> driver.putIfAbsent(full, bytes, ttl));
  }

  <V> Map<String, V> getAll(Collection<String> keys, Codec<V> codec) {
    Args.notNull(keys, "keys");
    LinkedHashSet<String> fulls = new LinkedHashSet<>();
    for (String k : keys) {
      fulls.add(fullKey(k));
    }
    if (fulls.isEmpty()) {
      return Map.of();
    }
    List<String> list = new ArrayList<>(fulls);
    String resource = list.size() == 1 ? list.get(0) : list.size() + " keys";
    Map<String, byte[]> found = invoker.call("getAll", resource, true, () -> driver.getAll(list));
    Map<String, V> out = new LinkedHashMap<>();
    for (String full : list) {
      byte[] bytes = found.get(full);
      if (bytes != null) {
        out.put(full.substring(prefix.length()), decode("getAll", full, bytes, codec));
      }
    }
    return out;
  }

  <V> void putAll(Map<String, ? extends V> entries, Duration ttl, Codec<V> codec) {
    Args.notNull(entries, "entries");
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends V> e : entries.entrySet()) {
      String full = fullKey(e.getKey());
      encoded.put(full, encode("putAll", full, e.getValue(), codec));
    }
    if (encoded.isEmpty()) {
      return;
    }
    String resource = encoded.size() == 1 ? encoded.keySet().iterator().next() : encoded.size() + " keys";
    invoker.run("putAll", resource, true, () -> {
      driver.putAll(encoded, ttl);
      return null;
    });
  }

  <V> V getOrLoad(String key, Duration ttl, Supplier<? extends V> loader, Codec<V> codec) {
    Args.notNull(loader, "loader");
    String full = fullKey(key);
    byte[] hit = invoker.call("get", full, true, () -> driver.get(full));
    if (hit != null) {
      return decode("getOrLoad", full, hit, codec);
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = flights.putIfAbsent(full, mine);
    if (running != null) {
      return decode("getOrLoad", full, await(running, full), codec);
    }
    try {
      // A flight for this key may have finished between our miss and our registration.
      byte[] again = invoker.call("get", full, true, () -> driver.get(full));
      if (again != null) {
        mine.complete(again);
        return decode("getOrLoad", full, again, codec);
      }
      V value = loader.get();
      if (value == null) {
        throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
            .operation("cache.getOrLoad")
            .provider(driver.provider())
            .resource(full)
            .detail("the loader returned null; a cache stores no nulls (return a sentinel value or skip the cache)")
            .build();
      }
      byte[] bytes = encode("getOrLoad", full, value, codec);
      try {
        invoker.run("put", full, true, () -> {
          driver.put(full, bytes, ttl);
          return null;
        });
      } catch (YshException e) {
        LOG.warn("getOrLoad could not store the loaded value; returning it uncached: {}", e.getMessage());
      }
      mine.complete(bytes);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(full, mine);
    }
  }

  Duration defaultTtlOrNull() {
    return defaultTtl;
  }

  // ---- validation and helpers ----

  static Duration requireTtl(Duration ttl) {
    if (ttl == null) {
      throw YshException.invalidArgument("ttl must not be null (use the overload without a TTL)");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw YshException.invalidArgument("ttl must be positive, was " + ttl);
    }
    if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
      throw YshException.invalidArgument("ttl must be at least 1 ms (millisecond precision), was " + ttl);
    }
    return ttl;
  }

  private String fullKey(String key) {
    if (key == null) {
      throw YshException.invalidArgument("key must not be null");
    }
    if (key.isEmpty()) {
      throw YshException.invalidArgument("key must not be empty");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
          i++;
          continue;
        }
        throw YshException.invalidArgument("key contains an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)) {
        throw YshException.invalidArgument("key contains an unpaired surrogate at index " + i);
      }
    }
    String full = prefix + key;
    int bytes = utf8Length(full);
    if (bytes > maxKeyBytes) {
      throw YshException.invalidArgument(
          "key is " + bytes + " bytes in UTF-8 with its namespace prefix; the limit is " + maxKeyBytes);
    }
    return full;
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private <V> byte[] encode(String operation, String full, V value, Codec<V> codec) {
    if (value == null) {
      throw YshException.invalidArgument("value must not be null (a cache stores no nulls; delete the key instead)");
    }
    byte[] bytes;
    try {
      bytes = codec.encode(value);
    } catch (RuntimeException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .operation("cache." + operation)
          .provider(driver.provider())
          .resource(full)
          .detail("codec " + codec.name() + " cannot encode the value: " + e.getMessage())
          .cause(e)
          .build();
    }
    if (bytes == null) {
      throw YshException.builder(ErrorCode.INTERNAL)
          .operation("cache." + operation)
          .provider(driver.provider())
          .resource(full)
          .detail("codec " + codec.name() + " encoded a value as null")
          .build();
    }
    return bytes;
  }

  private <V> V decode(String operation, String full, byte[] bytes, Codec<V> codec) {
    V value;
    try {
      value = codec.decode(bytes);
    } catch (RuntimeException e) {
      throw YshException.builder(ErrorCode.INTERNAL)
          .operation("cache." + operation)
          .provider(driver.provider())
          .resource(full)
          .detail("the stored value (" + bytes.length + " bytes) cannot be decoded with codec " + codec.name() + ": " + e.getMessage())
          .cause(e)
          .build();
    }
    if (value == null) {
      throw YshException.builder(ErrorCode.INTERNAL)
          .operation("cache." + operation)
          .provider(driver.provider())
          .resource(full)
          .detail("codec " + codec.name() + " decoded the stored value as null")
          .build();
    }
    return value;
  }

  private static byte[] await(CompletableFuture<byte[]> flight, String full) {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw YshException.builder(ErrorCode.CANCELLED)
          .operation("cache.getOrLoad")
          .resource(full)
          .detail("interrupted while waiting for another caller's load")
          .cause(e)
          .build();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw YshException.builder(ErrorCode.UNKNOWN).operation("cache.getOrLoad").resource(full).cause(cause).build();
    }
  }

  private static void validateNamespace(String name) {
    if (name == null || name.isEmpty()) {
      throw YshException.invalidArgument("namespace must not be null or empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ':') {
        throw YshException.invalidArgument("namespace must not contain ':' (nest with namespace(a).namespace(b))");
      }
      if (Character.isISOControl(c)) {
        throw YshException.invalidArgument("namespace must not contain control characters");
      }
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > 256) {
      throw YshException.invalidArgument("namespace must be at most 256 bytes in UTF-8");
    }
  }

  /**
   * Configures a {@link Cache} opened by URL ({@link Cache#builder(String)}) or over a driver
   * ({@link Cache#builder(CacheDriver)}) with the portable options. Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final CacheDriver driver;
    private String namespace;
    private Duration defaultTtl;
    private Integer maxKeyBytes;
    private Telemetry telemetry;
    private ResiliencePolicy policy;

    private Builder(String url, CacheDriver driver) {
      this.url = url;
      this.driver = driver;
    }

    /**
     * The namespace; see {@link Cache#namespace(String)}.
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder namespace(String namespace) {
      validateNamespace(namespace);
      this.namespace = namespace;
      return this;
    }

    /**
     * The TTL applied by {@code put} and {@code getOrLoad} calls that give none (by default
     * none: such entries never expire).
     *
     * @param ttl the default TTL, positive
     * @return this builder
     */
    public Builder defaultTtl(Duration ttl) {
      this.defaultTtl = requireTtl(ttl);
      return this;
    }

    /**
     * The limit on a key's UTF-8 size, namespace prefix included (default
     * {@value Cache#DEFAULT_MAX_KEY_BYTES}).
     *
     * @param maxKeyBytes the limit, 16 to 1,048,576
     * @return this builder
     */
    public Builder maxKeyBytes(int maxKeyBytes) {
      if (maxKeyBytes < 16 || maxKeyBytes > 1 << 20) {
        throw YshException.invalidArgument("maxKeyBytes must be between 16 and 1048576");
      }
      this.maxKeyBytes = maxKeyBytes;
      return this;
    }

    /**
     * Where observations of every call go (default {@link Telemetry#defaults()}).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * The resilience policy (default: the driver's {@link CacheDriver#defaultPolicy()}). Only
     * idempotent operations are retried: {@code increment} and {@code putIfAbsent} never are.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy policy) {
      this.policy = Args.notNull(policy, "policy");
      return this;
    }

    /**
     * Opens the cache.
     *
     * @return the cache
     * @throws YshException as {@link Cache#open(String)}
     */
    public Cache build() {
      String ns = namespace;
      Duration ttl = defaultTtl;
      Integer maxKey = maxKeyBytes;
      CacheDriver d = driver;
      if (d == null) {
        ResourceUrl parsed = ResourceUrl.parse(url);
        if (ns == null && parsed.param("namespace").isPresent()) {
          ns = parsed.param("namespace").get();
          validateNamespace(ns);
        }
        if (ttl == null && parsed.param("defaultTtl").isPresent()) {
          ttl = requireTtl(parsed.durationParam("defaultTtl").orElseThrow());
        }
        if (maxKey == null && parsed.param("maxKeyBytes").isPresent()) {
          maxKey = parsed.intParam("maxKeyBytes").orElseThrow();
          if (maxKey < 16 || maxKey > 1 << 20) {
            throw YshException.invalidArgument("maxKeyBytes must be between 16 and 1048576");
          }
        }
        d = REGISTRY.forUrl(parsed).open(parsed);
      }
      Invoker invoker =
          Invoker.create(
              "cache",
              d.provider(),
              telemetry == null ? Telemetry.defaults() : telemetry,
              policy == null ? d.defaultPolicy() : policy,
              d.errorMapper());
      return new Cache(
          d,
          invoker,
          ns,
          ttl,
          maxKey == null ? DEFAULT_MAX_KEY_BYTES : maxKey,
          true,
          new ConcurrentHashMap<>(),
          new AtomicBoolean());
    }
  }
}
