package io.ysh.secrets;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A small versioned driver for the api's own tests, with failure injection and a gate. */
final class TestDriver implements SecretDriver {

  final TreeMap<String, List<Secret>> data = new TreeMap<>();
  final AtomicInteger gets = new AtomicInteger();
  final AtomicReference<RuntimeException> failWith = new AtomicReference<>();
  volatile CountDownLatch gate;
  private final Set<SecretCapability> capabilities;
  boolean closed;

  TestDriver(Set<SecretCapability> capabilities) {
    this.capabilities = capabilities;
  }

  TestDriver() {
    this(EnumSet.allOf(SecretCapability.class));
  }

  static TestDriver of(Map<String, String> values) {
    TestDriver d = new TestDriver();
    values.forEach((k, v) -> d.put(k, Secret.of(v)));
    return d;
  }

  @Override
  public String provider() {
    return "test";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return capabilities;
  }

  @Override
  public synchronized SecretValue get(String name, String version) throws Exception {
    gets.incrementAndGet();
    CountDownLatch g = gate;
    if (g != null) {
      g.await();
    }
    RuntimeException f = failWith.get();
    if (f != null) {
      throw f;
    }
    List<Secret> versions = data.get(name);
    if (versions == null) {
      throw YshException.of(ErrorCode.NOT_FOUND, "missing");
    }
    int v = version == null ? versions.size() : Integer.parseInt(version);
    if (v < 1 || v > versions.size()) {
      throw YshException.of(ErrorCode.NOT_FOUND, "no version");
    }
    return SecretValue.builder(name, versions.get(v - 1)).version(Integer.toString(v)).build();
  }

  @Override
  public synchronized NamePage list(String prefix, String pageToken) {
    List<String> names = new ArrayList<>();
    for (String n : data.tailMap(pageToken == null ? prefix : pageToken, pageToken == null).keySet()) {
      if (!n.startsWith(prefix)) {
        break;
      }
      names.add(n);
      if (names.size() == 2) {
        return new NamePage(names, n);
      }
    }
    return NamePage.last(names);
  }

  @Override
  public synchronized String put(String name, Secret value) {
    List<Secret> versions = data.computeIfAbsent(name, k -> new ArrayList<>());
    versions.add(value);
    return Integer.toString(versions.size());
  }

  @Override
  public synchronized void delete(String name) {
    data.remove(name);
  }

  @Override
  public void close() {
    closed = true;
  }
}
