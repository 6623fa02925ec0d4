package io.ysh.asaas;

import io.ysh.cache.Cache;
import io.ysh.cache.TypedCache;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Leases} on the portable {@link Cache}: {@code putIfAbsent} with a TTL takes a lease
 * ({@code busy:<holder>}), a success leaves {@code done:<id>} and an unknown outcome
 * {@code unknown:<holder>}, both for the recent window. Keys are hashed with the API key,
 * so two Asaas accounts sharing a cache never meet.
 *
 * <p>Not atomic: renewal and release read the value before changing it, so a lease that expired
 * in between can be touched by its former holder; TTLs are sized well above a create's duration
 * to keep that window out of reach.
 */
final class CacheLeases implements Leases {

  private static final Logger LOG = LoggerFactory.getLogger(CacheLeases.class);
  private static final Duration MAX_POLL = Duration.ofSeconds(1);

  private final TypedCache<String> cache;
  private final String scope;
  private final Duration doneTtl;

  CacheLeases(Cache cache, String apiKey, Duration doneTtl) {
    this.cache = cache.strings();
    this.scope = apiKey;
    this.doneTtl = doneTtl;
  }

  @Override
  public Lease acquire(String key, Duration ttl, Duration maxWait) {
    String k = "ysh-asaas-create:" + hash(scope + "|" + key);
    String me = "busy:" + UUID.randomUUID();
    long deadline = System.nanoTime() + maxWait.toNanos();
    long poll = Duration.ofMillis(20).toNanos();
    boolean sawOther = false;
    while (true) {
      Optional<String> value;
      try {
        if (cache.putIfAbsent(k, me, ttl)) {
          return new Held(k, me, ttl, sawOther);
        }
        value = cache.get(k);
      } catch (YshException e) {
        throw YshException.builder(ErrorCode.UNAVAILABLE)
            .provider(AsaasTransport.PROVIDER)
            .detail("cannot take the create lease for " + key + " (nothing was sent to Asaas): " + e.getMessage())
            .cause(e)
            .build();
      }
      if (value.isPresent() && value.get().startsWith("done:")) {
        String id = value.get().substring(5);
        return new Lease() {
          @Override
          public String doneElsewhere() {
            return id;
          }
        };
      }
      if (value.isPresent() && value.get().startsWith("unknown:")) {
        return new Lease() {
          @Override
          public boolean unknownElsewhere() {
            return true;
          }
        };
      }
      sawOther |= value.isPresent();
      if (System.nanoTime() - deadline > 0) {
        throw new WaitedTooLong("another process has been creating the same object for longer than " + maxWait);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw YshException.builder(ErrorCode.CANCELLED).detail("interrupted waiting for the create lease of " + key + " (nothing was sent)").build();
      }
      poll = Math.min(poll * 2, MAX_POLL.toNanos());
    }
  }

  private final class Held implements Lease {
    private final String key;
    private final String me;
    private final Duration ttl;
    private final boolean lookupFirst;

    Held(String key, String me, Duration ttl, boolean lookupFirst) {
      this.key = key;
      this.me = me;
      this.ttl = ttl;
      this.lookupFirst = lookupFirst;
    }

    @Override
    public boolean lookupFirst() {
      return lookupFirst;
    }

    @Override
    public boolean renew() {
      try {
        if (!cache.get(key).map(me::equals).orElse(false)) {
          return cache.putIfAbsent(key, me, ttl);
        }
        cache.put(key, me, ttl);
        return true;
      } catch (YshException e) {
        LOG.warn("cannot renew the Asaas create lease: {}", e.getMessage());
        return false;
      }
    }

    @Override
    public void done(String id) {
      try {
        cache.put(key, "done:" + id, doneTtl);
      } catch (YshException e) {
        LOG.warn("cannot record the Asaas create {} in the lease store: {}", id, e.getMessage());
      }
    }

    @Override
    public void release() {
      try {
        if (cache.get(key).map(me::equals).orElse(false)) {
          cache.delete(key);
        }
      } catch (YshException e) {
        LOG.warn("cannot release the Asaas create lease (it expires by itself): {}", e.getMessage());
      }
    }

    @Override
    public void unknown() {
      try {
        cache.put(key, "unknown:" + me.substring(5), doneTtl);
      } catch (YshException e) {
        LOG.warn("cannot mark the Asaas create lease unknown: {}", e.getMessage());
      }
    }
  }

  private static String hash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "CacheLeases[" + cache.cache() + "]";
  }
}
