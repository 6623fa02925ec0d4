package io.ysh.core.spi;

/**
 * One call into a provider's client, which may throw anything the client throws.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ProviderCall<T> {

  /**
   * Makes the call.
   *
   * @return the result
   * @throws Exception whatever the provider's client throws; the {@link Invoker} maps it
   */
  T call() throws Exception;
}
