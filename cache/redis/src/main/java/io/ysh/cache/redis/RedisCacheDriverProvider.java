package io.ysh.cache.redis;

import io.ysh.cache.spi.CacheDriver;
import io.ysh.cache.spi.CacheDriverProvider;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens Redis caches from URLs:
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db][?options]} and {@code rediss://…}
 *       (TLS);
 *   <li>{@code redis-sentinel://masterName@sentinel1:26379,sentinel2:26379[/db][?options]} (the
 *       data nodes' credentials go in the {@code username}/{@code password} parameters, the
 *       sentinels' in {@code sentinelPassword});
 *   <li>{@code redis-cluster://[[user]:password@]host1:7000,host2:7001[?options]}.
 * </ul>
 *
 * <p>Options: {@code timeout} (command timeout, such as {@code 500ms}), {@code connectTimeout},
 * {@code reconnectMaxDelay}, {@code clientName}, {@code database} (instead of the path),
 * {@code verifyPeer} and {@code caCert} (a PEM file of CA certificates to trust; TLS only), {@code tls} (for Sentinel and Cluster),
 * {@code nearCache} (local entries, such as {@code 10000}), plus the portable {@code namespace},
 * {@code defaultTtl} and {@code maxKeyBytes}. Unknown options are rejected.
 */
public final class RedisCacheDriverProvider implements CacheDriverProvider {

  private static final Set<String> OPTIONS =
      Set.of(
          "timeout",
          "connectTimeout",
          "reconnectMaxDelay",
          "clientName",
          "database",
          "verifyPeer",
          "caCert",
          "tls",
          "nearCache",
          "username",
          "password",
          "sentinelPassword");

  /** Creates the provider (ServiceLoader). */
  public RedisCacheDriverProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("redis", "rediss", "redis-sentinel", "redis-cluster");
  }

  @Override
  public CacheDriver open(ResourceUrl url) {
    return builderFor(url).build();
  }

  /**
   * Translates a URL into a driver builder (package-private for tests).
   *
   * @param url the URL
   * @return the builder
   */
  static RedisCacheDriver.Builder builderFor(ResourceUrl url) {
    Set<String> known = new HashSet<>(PORTABLE_PARAMS);
    known.addAll(OPTIONS);
    url.requireKnownParams(known);
    RedisCacheDriver.Builder b = RedisCacheDriver.builder();
    String scheme = url.scheme();
    if (url.hosts().isEmpty()) {
      throw YshException.invalidArgument(scheme + ":// URL needs a host, such as " + scheme + "://localhost:6379");
    }
    switch (scheme) {
      case "redis", "rediss" -> {
        if (url.hosts().size() != 1) {
          throw YshException.invalidArgument(
              scheme + ":// takes one host; use redis-sentinel:// or redis-cluster:// for several");
        }
        b.standalone(url.hosts().get(0).host(), url.hosts().get(0).portOr(6379));
        b.tls("rediss".equals(scheme));
        credentialsFromUserInfo(url, b);
      }
      case "redis-sentinel" -> {
        String master = url.username().orElseThrow(() -> YshException.invalidArgument(
            "redis-sentinel:// needs the master name before '@': redis-sentinel://mymaster@host:26379"));
        if (url.password().isPresent()) {
          throw YshException.invalidArgument(
              "redis-sentinel:// takes the master name in the user part; pass credentials as ?password=…&username=…");
        }
        b.sentinel(master, url.hosts());
        url.param("tls").ifPresent(v -> b.tls(url.boolParam("tls").orElseThrow()));
      }
      case "redis-cluster" -> {
        b.cluster(url.hosts());
        credentialsFromUserInfo(url, b);
        url.param("tls").ifPresent(v -> b.tls(url.boolParam("tls").orElseThrow()));
      }
      default -> throw YshException.invalidArgument("not a Redis scheme: " + scheme);
    }
    url.param("username").ifPresent(b::username);
    url.param("password").ifPresent(p -> b.password(Secret.of(p)));
    url.param("sentinelPassword").ifPresent(p -> b.sentinelPassword(Secret.of(p)));
    List<String> path = url.pathSegments();
    if (path.size() > 1) {
      throw YshException.invalidArgument("the URL path is the database index, such as /0");
    }
    if (path.size() == 1 && !path.get(0).isEmpty()) {
      try {
        b.database(Integer.parseInt(path.get(0)));
      } catch (NumberFormatException e) {
        throw YshException.invalidArgument("the URL path must be a database index such as /0");
      }
    }
    url.intParam("database").ifPresent(b::database);
    url.durationParam("timeout").ifPresent(b::commandTimeout);
    url.durationParam("connectTimeout").ifPresent(b::connectTimeout);
    url.durationParam("reconnectMaxDelay").ifPresent(b::reconnectMaxDelay);
    url.param("clientName").ifPresent(b::clientName);
    url.boolParam("verifyPeer").ifPresent(b::verifyPeer);
    url.param("caCert").ifPresent(pem -> b.caCertificates(java.nio.file.Path.of(pem)));
    url.intParam("nearCache").ifPresent(b::nearCache);
    return b;
  }

  private static void credentialsFromUserInfo(ResourceUrl url, RedisCacheDriver.Builder b) {
    url.password().ifPresent(b::password);
    url.username().ifPresent(u -> {
      if (url.password().isEmpty()) {
        throw YshException.invalidArgument("a user name in the URL needs a password: redis://user:password@host");
      }
      b.username(u);
    });
  }
}
