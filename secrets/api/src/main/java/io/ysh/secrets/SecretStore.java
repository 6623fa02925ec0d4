package io.ysh.secrets;

import io.ysh.core.Args;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.DriverRegistry;
import io.ysh.core.spi.Invoker;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The portable secret store: read secrets (latest or a given version), list their names, write
 * new versions and delete where the backend allows it, with an optional cache, rotation watches
 * and chains of stores.
 *
 * <pre>{@code
 * try (SecretStore secrets = SecretStore.open("vault://vault.internal:8200/secret?cacheTtl=5m")) {
 *   Secret dbPassword = secrets.getField("billing/db", "password");
 *   SecretValue apiKey = secrets.get("asaas-api-key");
 * }
 * }</pre>
 *
 * <p><b>URLs.</b> {@code env://}, {@code file://} (module {@code ysh-secrets-env}),
 * {@code vault://} ({@code ysh-secrets-vault}), {@code awssm://} ({@code ysh-secrets-aws}),
 * {@code azurekv://} ({@code ysh-secrets-azure}), {@code gcpsm://} ({@code ysh-secrets-gcp}). A
 * URL whose driver is missing fails with {@code UNSUPPORTED} naming the artifact to add. Every
 * URL accepts {@code cacheTtl}, {@code cacheRefreshAhead} and {@code cacheStaleIfError}
 * (durations such as {@code 5m}); {@code cacheTtl} turns caching on.
 *
 * <p><b>What every call does.</b> Names are checked against {@link SecretNames} and the
 * driver's own rule ({@code INVALID_ARGUMENT}); an operation the driver does not support fails
 * with {@code UNSUPPORTED} naming the {@link SecretCapability}; provider failures are mapped
 * once to portable {@link ErrorCode}s (a missing secret is {@code NOT_FOUND}, a refused token
 * {@code PERMISSION_DENIED} or {@code UNAUTHENTICATED}, a down backend {@code UNAVAILABLE});
 * reads, lists and deletes are retried per the resilience policy, puts are not (a retried put
 * could create two versions). No value, token or credential ever appears in a message, a log
 * line or a {@code toString}.
 *
 * <p><b>Caching</b> ({@link SecretCachePolicy}): a cache hit is a local map read, without
 * telemetry or I/O. Writes and deletes through this store invalidate the name at once; writes
 * made elsewhere (a rotation at the provider) are seen within the TTL. Not atomic across
 * stores: two stores over one backend cache independently.
 *
 * <p>Thread-safe. Close the store to release the provider client and the background thread.
 */
public final class SecretStore implements AutoCloseable {

  /** The URL parameters that configure the cache, handled here and hidden from drivers. */
  static final Set<String> CACHE_PARAMS = Set.of("cacheTtl", "cacheRefreshAhead", "cacheStaleIfError");

  private static final Map<String, String> ARTIFACTS =
      Map.of(
          "env", "ysh-secrets-env",
          "file", "ysh-secrets-env",
          "vault", "ysh-secrets-vault",
          "awssm", "ysh-secrets-aws",
          "azurekv", "ysh-secrets-azure",
          "gcpsm", "ysh-secrets-gcp");

  private static final DriverRegistry<SecretDriverProvider> REGISTRY =
      DriverRegistry.load("secrets", SecretDriverProvider.class, ARTIFACTS);

  private final SecretDriver driver;
  private final String provider;
  private final Set<SecretCapability> capabilities;
  private final Invoker invoker;
  private final SecretCachePolicy cachePolicy;
  private final SecretCache cache;
  private final Watches watches;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ScheduledExecutorService scheduler;

  private SecretStore(Builder b, SecretDriver driver) {
    this.driver = driver;
    this.provider = driver.provider();
    this.capabilities = Set.copyOf(driver.capabilities());
    ResiliencePolicy policy =
        b.resilience != null
            ? b.resilience
            : driver instanceof ChainDriver ? ResiliencePolicy.none() : ResiliencePolicy.defaults();
    this.invoker = Invoker.create("secrets", provider, b.telemetry, policy, driver.errorMapper());
    this.cachePolicy = b.cache;
    Duration interval =
        b.watchInterval != null ? b.watchInterval : cachePolicy.enabled() ? cachePolicy.ttl() : Duration.ofMinutes(1);
    this.watches = new Watches(this::scheduler, interval, this::pollWatched);
    this.cache =
        cachePolicy.enabled()
            ? new SecretCache(cachePolicy, provider, this::load, this::loadedLatest, r -> scheduler().execute(r))
            : null;
  }

  /**
   * Opens a store from a URL with the driver found on the classpath.
   *
   * @param url such as {@code vault://127.0.0.1:8200/secret?cacheTtl=5m} or {@code env://}
   * @return the store
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed URL or unknown scheme,
   *     {@code UNSUPPORTED} when the scheme's driver is not on the classpath (the message names
   *     the Maven artifact to add)
   */
  public static SecretStore open(String url) {
    return builder(url).build();
  }

  /**
   * A read-only store that asks each store in order and answers with the first that has the
   * name, for example local overrides before production secrets:
   * {@code SecretStore.chain(SecretStore.open("env://"), SecretStore.open("vault://…"))}.
   *
   * <p>Only {@code NOT_FOUND} moves on to the next store; any other failure (a down backend, a
   * refused token) is thrown, so a lower-precedence store never silently answers for a broken
   * higher one. {@link #get(String, String)} skips stores without versions. {@link #list} is
   * the distinct union of every store's names (available when every store can list).
   * {@link #put} and {@link #delete} are {@code UNSUPPORTED}: write to one of the stores.
   * Closing the chain closes its stores.
   *
   * @param stores the stores, highest precedence first
   * @return the chain
   * @throws YshException {@code INVALID_ARGUMENT} when no store is given
   */
  public static SecretStore chain(SecretStore... stores) {
    Args.notNull(stores, "stores");
    List<SecretStore> list = Arrays.asList(stores.clone());
    list.forEach(s -> Args.notNull(s, "store"));
    return new Builder(null, new ChainDriver(list)).build();
  }

  /**
   * Starts building a store opened by URL, as {@link #open(String)}; the driver is opened by
   * {@link Builder#build()}. Cache parameters in the URL apply unless {@link Builder#cache} is
   * called.
   *
   * @param url the URL
   * @return a builder
   */
  public static Builder builder(String url) {
    return new Builder(url, null);
  }

  /**
   * Starts building a store over a driver built programmatically (such as one from
   * {@code VaultSecretDriver.builder()}); the store owns the driver and closes it.
   *
   * @param driver the driver
   * @return a builder
   */
  public static Builder builder(SecretDriver driver) {
    return new Builder(null, Args.notNull(driver, "driver"));
  }

  /**
   * The schemes whose drivers are on the classpath.
   *
   * @return the schemes, sorted
   */
  public static Set<String> availableSchemes() {
    return REGISTRY.schemes();
  }

  /**
   * The driver's provider name, such as {@code vault}.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * What the driver supports.
   *
   * @return the capabilities
   */
  public Set<SecretCapability> capabilities() {
    return capabilities;
  }

  /**
   * Whether the driver supports a capability.
   *
   * @param capability the capability
   * @return true when supported
   */
  public boolean supports(SecretCapability capability) {
    return capabilities.contains(Args.notNull(capability, "capability"));
  }

  /**
   * Reads the latest version of a secret (from the cache when it is fresh).
   *
   * @param name the secret name
   * @return the value
   * @throws YshException {@code NOT_FOUND} when the secret does not exist,
   *     {@code INVALID_ARGUMENT} for a bad name, or the mapped provider failure
   */
  public SecretValue get(String name) {
    if (cache != null && name != null) {
      return cache.get(checkName(name), null);
    }
    return load(checkName(name), null);
  }

  /**
   * Reads a given version of a secret.
   *
   * @param name the secret name
   * @param version the provider's version id (AWS also accepts a version stage such as
   *     {@code AWSPREVIOUS})
   * @return the value
   * @throws YshException {@code NOT_FOUND} when the secret or version does not exist,
   *     {@code UNSUPPORTED} when the driver has no {@link SecretCapability#VERSIONS}
   */
  public SecretValue get(String name, String version) {
    checkName(name);
    if (version == null || version.isBlank()) {
      throw YshException.invalidArgument("version must not be empty; use get(name) for the latest");
    }
    require(SecretCapability.VERSIONS, "get(name, version)");
    return cache != null ? cache.get(name, version) : load(name, version);
  }

  /**
   * Reads the latest version of a secret that may not exist.
   *
   * @param name the secret name
   * @return the value, or empty when the secret does not exist
   * @throws YshException any failure other than {@code NOT_FOUND}
   */
  public Optional<SecretValue> getOptional(String name) {
    try {
      return Optional.of(get(name));
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Reads a secret whose value is JSON and binds it to a type.
   *
   * @param <T> the result type
   * @param name the secret name
   * @param type the class to bind to
   * @return the bound value
   * @throws YshException {@code INVALID_ARGUMENT} when the value is not JSON of that shape (the
   *     message gives the line and column, never the content), or the failures of {@link #get}
   */
  public <T> T getJson(String name, Class<T> type) {
    Args.notNull(type, "type");
    return type.cast(getJson(name, (Type) type));
  }

  /**
   * Reads a secret whose value is JSON and binds it to a generic type such as
   * {@code Map<String, String>} (pass a {@link java.lang.reflect.ParameterizedType}).
   *
   * @param <T> the result type
   * @param name the secret name
   * @param type the type to bind to
   * @return the bound value
   * @throws YshException as {@link #getJson(String, Class)}
   */
  public <T> T getJson(String name, Type type) {
    Args.notNull(type, "type");
    SecretValue value = get(name);
    ObjectMapper mapper = Json.mapper();
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    try {
      return mapper.readValue(value.secret().revealBytes(), javaType);
    } catch (IOException e) {
      throw notJson(name, e, "as " + javaType.toCanonical());
    }
  }

  /**
   * Reads one field of a secret whose value is a JSON object, such as the {@code password} of
   * {@code {"username":"app","password":"…"}}. Text fields are returned as is; numbers,
   * booleans, arrays and objects as their JSON text.
   *
   * @param name the secret name
   * @param field the field name
   * @return the field's value
   * @throws YshException {@code NOT_FOUND} when the field is absent or null,
   *     {@code INVALID_ARGUMENT} when the value is not a JSON object, or the failures of
   *     {@link #get}
   */
  public Secret getField(String name, String field) {
    if (field == null || field.isEmpty()) {
      throw YshException.invalidArgument("field name must not be empty");
    }
    SecretValue value = get(name);
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(value.secret().revealBytes());
    } catch (IOException e) {
      throw notJson(name, e, "object");
    }
    if (tree == null || !tree.isObject()) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .operation("secrets.getField")
          .provider(provider)
          .resource(name)
          .detail("the secret's value is not a JSON object, so it has no field '" + field + "'")
          .build();
    }
    JsonNode node = tree.get(field);
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw YshException.builder(ErrorCode.NOT_FOUND)
          .operation("secrets.getField")
          .provider(provider)
          .resource(name)
          .detail("the secret has no field '" + field + "'")
          .build();
    }
    return Secret.of(node.isTextual() ? node.textValue() : node.toString()).named(name + "#" + field);
  }

  /**
   * Lists the names that start with a prefix, fetching pages lazily as the stream is consumed.
   *
   * @param prefix the prefix; empty or null for every name
   * @return the names, in the provider's order (a chain: each store's order, duplicates removed)
   * @throws YshException {@code UNSUPPORTED} without {@link SecretCapability#LIST}; failures
   *     while fetching a page are thrown from the stream's terminal operation
   */
  public Stream<String> list(String prefix) {
    String p = SecretNames.validatePrefix(prefix);
    require(SecretCapability.LIST, "list");
    if (driver instanceof ChainDriver chain) {
      return chain.stores().stream().flatMap(s -> s.list(p)).distinct();
    }
    Iterator<String> pages = new PagingIterator(p);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Stores a text value as the new latest version, creating the secret if needed. Not retried.
   *
   * @param name the secret name
   * @param value the value
   * @return the new version id, if the provider versions secrets
   * @throws YshException {@code UNSUPPORTED} without {@link SecretCapability#PUT}
   */
  public Optional<String> put(String name, String value) {
    return put(name, Secret.of(Args.notNull(value, "value")));
  }

  /**
   * Stores a value as the new latest version, creating the secret if needed. The name is
   * invalidated in this store's cache. Not retried: a retry could create a second version.
   *
   * @param name the secret name
   * @param value the value; binary (non UTF-8) values need {@link SecretCapability#BINARY_VALUES}
   * @return the new version id, if the provider versions secrets
   * @throws YshException {@code UNSUPPORTED} without {@link SecretCapability#PUT},
   *     {@code INVALID_ARGUMENT} for a binary value on a text-only provider
   */
  public Optional<String> put(String name, Secret value) {
    checkName(name);
    Args.notNull(value, "value");
    require(SecretCapability.PUT, "put");
    if (!supports(SecretCapability.BINARY_VALUES) && !isUtf8(value)) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .operation("secrets.put")
          .provider(provider)
          .resource(name)
          .detail(provider + " stores text values only and this value is not valid UTF-8; encode it (for example Base64)")
          .build();
    }
    try {
      return Optional.ofNullable(invoker.call("put", name, false, () -> driver.put(name, value)));
    } finally {
      invalidate(name);
    }
  }

  /**
   * Deletes a secret with all its versions. Deleting a missing secret is not an error. The name
   * is invalidated in this store's cache.
   *
   * @param name the secret name
   * @throws YshException {@code UNSUPPORTED} without {@link SecretCapability#DELETE}
   */
  public void delete(String name) {
    checkName(name);
    require(SecretCapability.DELETE, "delete");
    try {
      invoker.run(
          "delete",
          name,
          true,
          () -> {
            try {
              driver.delete(name);
            } catch (YshException e) {
              if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
              }
            } catch (Exception e) {
              YshException mapped = driver.errorMapper().map(e);
              if (mapped == null || mapped.code() != ErrorCode.NOT_FOUND) {
                throw e;
              }
            }
            return null;
          });
    } finally {
      invalidate(name);
    }
  }

  /**
   * Drops every cached version of a name, so the next read goes to the backend. No-op when
   * caching is off.
   *
   * @param name the secret name
   * @throws YshException {@code INVALID_ARGUMENT} when the name is null or empty
   */
  public void invalidate(String name) {
    Args.notEmpty(name, "name");
    if (cache != null) {
      cache.invalidate(name);
    }
  }

  /** Drops every cached value. No-op when caching is off. */
  public void invalidateAll() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  /**
   * Calls {@code listener} whenever a new version of {@code name} appears. The store reloads
   * the name in the background every watch interval (the cache TTL when caching is on, so a
   * rotation is seen within the TTL; else one minute, or the builder's
   * {@link Builder#watchInterval}); a new version observed by an ordinary read fires the
   * listener too. A secret that appears after being absent counts as a new version. The current
   * value is read once, synchronously, as the baseline.
   *
   * @param name the secret name
   * @param listener what to call; on the store's background thread
   * @return the registration; close it to stop
   * @throws YshException {@code INVALID_ARGUMENT} for a bad name
   */
  public SecretWatch watch(String name, SecretListener listener) {
    checkName(name);
    Args.notNull(listener, "listener");
    SecretValue baseline = null;
    boolean known;
    try {
      baseline = get(name);
      known = true;
    } catch (YshException e) {
      known = e.code() == ErrorCode.NOT_FOUND;
    }
    return watches.add(name, listener, baseline, known);
  }

  /**
   * The cache's counters.
   *
   * @return the counters; all zero when caching is off
   */
  public SecretCacheStats cacheStats() {
    return cache == null ? new SecretCacheStats(0, 0, 0, 0, 0, 0) : cache.stats();
  }

  /**
   * The cache policy in force.
   *
   * @return the policy; {@link SecretCachePolicy#disabled()} when caching is off
   */
  public SecretCachePolicy cachePolicy() {
    return cachePolicy;
  }

  /**
   * The native client of the driver (for example {@code SecretsManagerClient},
   * {@code io.github.jopenlibs.vault.Vault}, {@code SecretClient}), for what the portable API
   * does not cover.
   *
   * @param <T> the requested type
   * @param type the native type
   * @return the native object
   * @throws YshException {@code UNSUPPORTED} when the driver has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    Args.notNull(type, "type");
    if (type.isInstance(driver) && !(driver instanceof ChainDriver)) {
      return type.cast(driver);
    }
    return driver.unwrap(type)
        .orElseThrow(
            () -> YshException.of(ErrorCode.UNSUPPORTED, provider + " driver has no " + type.getName() + " to unwrap"));
  }

  /** Closes the driver and stops the background thread. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      ScheduledExecutorService s = scheduler;
      if (s != null) {
        s.shutdownNow();
      }
      driver.close();
    }
  }

  /** The provider, capabilities and cache policy; never a credential. */
  @Override
  public String toString() {
    return "SecretStore[" + provider + ", capabilities=" + capabilities + ", cache=" + cachePolicy + "]";
  }

  // ---------------------------------------------------------------------------------------

  private String checkName(String name) {
    SecretNames.validate(name);
    driver.validateName(name);
    return name;
  }

  private void require(SecretCapability capability, String what) {
    if (!capabilities.contains(capability)) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .operation("secrets." + what.replaceAll("\\(.*", ""))
          .provider(provider)
          .detail(provider + " does not support " + what + " (capability " + capability + "; supported: " + capabilities + ")")
          .build();
    }
  }

  private SecretValue load(String name, String version) {
    return invoker.call("get", version == null ? name : name + "@" + version, true, () -> driver.get(name, version));
  }

  private void loadedLatest(SecretValue value) {
    if (!watches.isEmpty()) {
      watches.observed(value);
    }
  }

  private void pollWatched(String name) {
    try {
      SecretValue value = cache != null ? cache.reload(name) : load(name, null);
      if (cache == null) {
        watches.observed(value);
      }
    } catch (YshException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        watches.observedMissing(name);
      } else {
        throw e;
      }
    }
  }

  private ScheduledExecutorService scheduler() {
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      synchronized (this) {
        s = scheduler;
        if (s == null) {
          ScheduledThreadPoolExecutor e =
              new ScheduledThreadPoolExecutor(
                  1,
                  r -> {
                    Thread t = new Thread(r, "ysh-secrets-" + provider);
                    t.setDaemon(true);
                    return t;
                  });
          e.setRemoveOnCancelPolicy(true);
          e.setKeepAliveTime(30, TimeUnit.SECONDS);
          e.allowCoreThreadTimeOut(true);
          if (closed.get()) {
            e.shutdown();
          }
          scheduler = e;
          s = e;
        }
      }
    }
    return s;
  }

  private YshException notJson(String name, IOException e, String expected) {
    String where = "";
    if (e instanceof JsonProcessingException j) {
      JsonLocation loc = j.getLocation();
      if (loc != null && loc.getLineNr() > 0) {
        where = " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      }
    }
    // The parser's own message quotes the content, so it is not attached as the cause.
    return YshException.builder(ErrorCode.INVALID_ARGUMENT)
        .operation("secrets.getJson")
        .provider(provider)
        .resource(name)
        .detail("the secret's value is not JSON " + expected + where)
        .build();
  }

  private static boolean isUtf8(Secret value) {
    try {
      value.reveal();
      return true;
    } catch (YshException e) {
      return false;
    }
  }

  private final class PagingIterator implements Iterator<String> {
    private final String prefix;
    private List<String> page = List.of();
    private int index;
    private String token;
    private boolean last;
    private String next;

    PagingIterator(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (index < page.size()) {
          String candidate = page.get(index++);
          if (candidate != null && candidate.startsWith(prefix)) {
            next = candidate;
          }
          continue;
        }
        if (last) {
          return false;
        }
        String current = token;
        NamePage p = invoker.call("list", prefix.isEmpty() ? "*" : prefix + "*", true, () -> driver.list(prefix, current));
        page = p.names();
        index = 0;
        token = p.nextPageToken();
        last = token == null || token.isEmpty() || token.equals(current);
      }
      return true;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String n = next;
      next = null;
      return n;
    }
  }

  /**
   * Builds a {@link SecretStore} opened by URL ({@link SecretStore#builder(String)}) or over a
   * driver ({@link SecretStore#builder(SecretDriver)}). Not thread-safe.
   */
  public static final class Builder {
    private final String url;
    private final SecretDriver driver;
    private Telemetry telemetry = Telemetry.defaults();
    private ResiliencePolicy resilience;
    private SecretCachePolicy cache;
    private Duration watchInterval;

    private Builder(String url, SecretDriver driver) {
      this.url = url;
      this.driver = driver;
    }

    /**
     * Sets where observations go (default: {@link Telemetry#defaults()}).
     *
     * @param telemetry the telemetry
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Args.notNull(telemetry, "telemetry");
      return this;
    }

    /**
     * Sets the resilience policy (default: {@link ResiliencePolicy#defaults()}; none for chains,
     * whose stores apply their own).
     *
     * @param resilience the policy
     * @return this builder
     */
    public Builder resilience(ResiliencePolicy resilience) {
      this.resilience = Args.notNull(resilience, "resilience");
      return this;
    }

    /**
     * Sets the cache policy (default: from the URL's cache parameters, else disabled).
     *
     * @param cache the policy
     * @return this builder
     */
    public Builder cache(SecretCachePolicy cache) {
      this.cache = Args.notNull(cache, "cache");
      return this;
    }

    /**
     * Sets how often watched secrets are reloaded (default: the cache TTL, else one minute).
     *
     * @param watchInterval positive
     * @return this builder
     */
    public Builder watchInterval(Duration watchInterval) {
      Args.notNull(watchInterval, "watchInterval");
      if (watchInterval.isNegative() || watchInterval.isZero()) {
        throw YshException.invalidArgument("watch interval must be positive");
      }
      this.watchInterval = watchInterval;
      return this;
    }

    /**
     * Builds the store.
     *
     * @return the store
     * @throws YshException {@code INVALID_ARGUMENT} when the URL is bad, {@code UNSUPPORTED} when
     *     the URL's driver is not on the classpath
     */
    public SecretStore build() {
      SecretDriver d = driver;
      if (d == null) {
        ResourceUrl parsed = ResourceUrl.parse(url);
        SecretDriverProvider p = REGISTRY.forUrl(parsed);
        if (cache == null) {
          cache = cachePolicyFrom(parsed);
        }
        d = p.open(withoutCacheParams(parsed));
      }
      if (cache == null) {
        cache = SecretCachePolicy.disabled();
      }
      return new SecretStore(this, d);
    }

    private static SecretCachePolicy cachePolicyFrom(ResourceUrl url) {
      Optional<Duration> ttl = url.durationParam("cacheTtl");
      Optional<Duration> ahead = url.durationParam("cacheRefreshAhead");
      Optional<Duration> stale = url.durationParam("cacheStaleIfError");
      if (ttl.isEmpty()) {
        if (ahead.isPresent() || stale.isPresent()) {
          throw YshException.invalidArgument("cacheRefreshAhead and cacheStaleIfError need cacheTtl to turn caching on");
        }
        return SecretCachePolicy.disabled();
      }
      SecretCachePolicy.Builder b = SecretCachePolicy.builder().ttl(ttl.get());
      ahead.ifPresent(b::refreshAhead);
      stale.ifPresent(b::staleIfError);
      return b.build();
    }

    private static ResourceUrl withoutCacheParams(ResourceUrl url) {
      if (url.paramNames().stream().noneMatch(CACHE_PARAMS::contains)) {
        return url;
      }
      ResourceUrl.Builder b = ResourceUrl.builder(url.scheme());
      url.username().ifPresent(b::username);
      url.password().ifPresent(b::password);
      for (HostAndPort h : url.hosts()) {
        b.host(h.host(), h.port());
      }
      b.path(url.pathSegments().toArray(String[]::new));
      for (String name : url.paramNames()) {
        if (!CACHE_PARAMS.contains(name)) {
          url.params(name).forEach(v -> b.param(name, v));
        }
      }
      return b.build();
    }
  }
}
