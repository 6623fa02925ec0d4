package io.ysh.asaas;

import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal in-test cache driver over a ConcurrentHashMap (TTLs ignored), so the Cache-backed
 * webhook store is tested through the real portable {@code Cache} without depending on another
 * module's driver.
 */
final class MapCacheDriver implements CacheDriver {

  private final Map<String, byte[]> map = new ConcurrentHashMap<>();

  @Override
  public String provider() {
    return "test-map";
  }

  @Override
  public byte[] get(String key) {
    return map.get(key);
  }

  @Override
  public Map<String, byte[]> getAll(List<String> keys) {
    Map<String, byte[]> out = new HashMap<>();
    keys.forEach(k -> {
      if (map.containsKey(k)) {
        out.put(k, map.get(k));
      }
    });
    return out;
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    map.put(key, value);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    return map.putIfAbsent(key, value) == null;
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    map.putAll(entries);
  }

  @Override
  public boolean delete(String key) {
    return map.remove(key) != null;
  }

  @Override
  public boolean exists(String key) {
    return map.containsKey(key);
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    return map.containsKey(key);
  }

  @Override
  public long increment(String key, long delta) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public long clear(String prefix) {
    long n = map.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    map.keySet().removeIf(k -> k.startsWith(prefix));
    return n;
  }

  @Override
  public ErrorMapper errorMapper() {
    return ErrorMapper.defaults();
  }

  @Override
  public ResiliencePolicy defaultPolicy() {
    return ResiliencePolicy.none();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return null;
  }

  @Override
  public void close() {}
}
