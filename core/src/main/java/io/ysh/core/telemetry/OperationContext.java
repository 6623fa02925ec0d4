package io.ysh.core.telemetry;

import java.util.Objects;

/**
 * What one portable call is: which capability, which operation, which provider, on what.
 *
 * @param capability the capability, such as {@code storage} or {@code asaas}
 * @param operation the operation, such as {@code get} or {@code payments.create}
 * @param provider the driver or provider, such as {@code s3}
 * @param resource the resource acted on (key, queue, path), already redacted; may be empty.
 *     Adapters must not use it as a metric tag (unbounded cardinality).
 */
public record OperationContext(String capability, String operation, String provider, String resource) {

  /**
   * Validates the components.
   *
   * @param capability see the record component
   * @param operation see the record component
   * @param provider see the record component
   * @param resource see the record component
   * @throws NullPointerException for a null capability, operation or provider
   */
  public OperationContext {
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(provider, "provider");
    resource = resource == null ? "" : resource;
  }

  /**
   * The dotted name, such as {@code storage.get}.
   *
   * @return capability and operation joined by a dot
   */
  public String name() {
    return capability + "." + operation;
  }
}
