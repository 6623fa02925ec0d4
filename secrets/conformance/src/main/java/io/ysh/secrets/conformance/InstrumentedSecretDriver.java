package io.ysh.secrets.conformance;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a driver to count calls and, while {@code outage} is set, to fail every call as a
 * backend that cannot be reached would ({@code UNAVAILABLE}). Used by
 * {@link SecretStoreConformance} for drivers whose backend cannot be stopped mid-test.
 */
final class InstrumentedSecretDriver implements SecretDriver {

  private final SecretDriver delegate;
  private final AtomicBoolean outage;
  final AtomicInteger gets = new AtomicInteger();
  final AtomicInteger lists = new AtomicInteger();

  InstrumentedSecretDriver(SecretDriver delegate, AtomicBoolean outage) {
    this.delegate = delegate;
    this.outage = outage;
  }

  private void checkOutage() {
    if (outage.get()) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).detail("simulated outage: backend unreachable").build();
    }
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void validateName(String name) {
    delegate.validateName(name);
  }

  @Override
  public SecretValue get(String name, String version) throws Exception {
    gets.incrementAndGet();
    checkOutage();
    return delegate.get(name, version);
  }

  @Override
  public NamePage list(String prefix, String pageToken) throws Exception {
    lists.incrementAndGet();
    checkOutage();
    return delegate.list(prefix, pageToken);
  }

  @Override
  public String put(String name, Secret value) throws Exception {
    checkOutage();
    return delegate.put(name, value);
  }

  @Override
  public void delete(String name) throws Exception {
    checkOutage();
    delegate.delete(name);
  }

  @Override
  public ErrorMapper errorMapper() {
    return delegate.errorMapper();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return delegate.unwrap(type);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
