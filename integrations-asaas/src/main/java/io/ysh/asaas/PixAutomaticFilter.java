package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing Pix Automático authorizations ({@code GET /v3/pix/automatic/authorizations}:
 * status, customerId) or payment instructions ({@code GET /v3/pix/automatic/paymentInstructions}:
 * authorizationId, customerId, paymentId, status), per docs.asaas.com "Listar autorizações" and
 * "Listar instruções de pagamento".
 *
 * <p>Immutable: every method returns a new filter. Only documented filters are offered; the
 * service refuses one its endpoint does not define.
 */
public final class PixAutomaticFilter {

  static final String INSTRUCTION_STATUS = "instruction.status";

  private final Map<String, String> params;

  private PixAutomaticFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition.
   *
   * @return an empty filter
   */
  public static PixAutomaticFilter all() {
    return new PixAutomaticFilter(Map.of());
  }

  /**
   * Authorizations in this status.
   *
   * @param status the status; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixAutomaticFilter status(PixAutomaticAuthorizationStatus status) {
    Validation.required("status", status);
    if (status == PixAutomaticAuthorizationStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with("status", status.name());
  }

  /**
   * Payment instructions in this status.
   *
   * @param status the status; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixAutomaticFilter instructionStatus(PixPaymentInstructionStatus status) {
    Validation.required("status", status);
    if (status == PixPaymentInstructionStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with(INSTRUCTION_STATUS, status.name());
  }

  /**
   * Those of one customer.
   *
   * @param customerId the customer's id
   * @return a filter with this condition added
   */
  public PixAutomaticFilter customerId(String customerId) {
    return with("customerId", Validation.id("customerId", customerId));
  }

  /**
   * Payment instructions of one authorization.
   *
   * @param authorizationId the authorization's id
   * @return a filter with this condition added
   */
  public PixAutomaticFilter authorizationId(String authorizationId) {
    return with("authorizationId", Validation.id("authorizationId", authorizationId));
  }

  /**
   * Payment instructions of one charge.
   *
   * @param paymentId the charge's id
   * @return a filter with this condition added
   */
  public PixAutomaticFilter paymentId(String paymentId) {
    return with("paymentId", Validation.id("paymentId", paymentId));
  }

  /** The query of {@code GET /pix/automatic/authorizations}; refuses the instructions' filters. */
  Map<String, String> authorizationParams() {
    for (String k : java.util.List.of("authorizationId", "paymentId", INSTRUCTION_STATUS)) {
      if (params.containsKey(k)) {
        throw Validation.invalid("filter", "has " + (k.equals(INSTRUCTION_STATUS) ? "instructionStatus" : k)
            + ", which Asaas's authorization list does not define");
      }
    }
    return params;
  }

  /** The query of {@code GET /pix/automatic/paymentInstructions}; refuses the authorizations' status. */
  Map<String, String> instructionParams() {
    if (params.containsKey("status")) {
      throw Validation.invalid("filter", "has an authorization status; use instructionStatus for payment instructions");
    }
    Map<String, String> q = new TreeMap<>(params);
    String st = q.remove(INSTRUCTION_STATUS);
    if (st != null) {
      q.put("status", st);
    }
    return q;
  }

  private PixAutomaticFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    copy.put(key, value);
    return new PixAutomaticFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "PixAutomaticFilter" + params.keySet();
  }
}
