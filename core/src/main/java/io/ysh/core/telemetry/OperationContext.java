package io.ysh.core.telemetry;

import io.ysh.core.http.Redactor;
import java.util.Objects;

/**
 * What one portable call is: which capability, which operation, which provider, on what.
 *
 * <p>The resource (a key, a queue, a path) is redacted only when an adapter asks for it, so calls
 * whose telemetry ignores it pay nothing for the redaction. Adapters must not use it as a metric
 * tag (unbounded cardinality). Immutable.
 */
public final class OperationContext {

  private final String capability;
  private final String operation;
  private final String provider;
  private final String rawResource;

  /**
   * Describes an operation.
   *
   * @param capability the capability, such as {@code storage} or {@code asaas}
   * @param operation the operation, such as {@code get} or {@code payments.create}
   * @param provider the driver or provider, such as {@code s3}
   * @param resource the resource acted on (key, queue, path); may be null or empty. It is
   *     redacted by {@link #resource()} before any adapter sees it.
   */
  public OperationContext(String capability, String operation, String provider, String resource) {
    this.capability = Objects.requireNonNull(capability, "capability");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.rawResource = resource == null ? "" : resource;
  }

  /**
   * The capability, such as {@code storage}.
   *
   * @return the capability
   */
  public String capability() {
    return capability;
  }

  /**
   * The operation, such as {@code get}.
   *
   * @return the operation
   */
  public String operation() {
    return operation;
  }

  /**
   * The driver or provider, such as {@code s3}.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * The resource acted on, with credentials and CPF/CNPJ numbers masked by the default
   * {@link Redactor}.
   *
   * @return the redacted resource, possibly empty
   */
  public String resource() {
    return Redactor.defaults().redactText(rawResource);
  }

  /**
   * The dotted name, such as {@code storage.get}.
   *
   * @return capability and operation joined by a dot
   */
  public String name() {
    return capability + "." + operation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OperationContext c
        && capability.equals(c.capability)
        && operation.equals(c.operation)
        && provider.equals(c.provider)
        && rawResource.equals(c.rawResource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(capability, operation, provider, rawResource);
  }

  @Override
  public String toString() {
    return "OperationContext[" + name() + " [" + provider + "] '" + resource() + "']";
  }
}
