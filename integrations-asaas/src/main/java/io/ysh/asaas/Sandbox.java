package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;

/**
 * Sandbox-only helpers that move a payment along without a real payer. Refused locally with
 * {@code UNSUPPORTED} when the client points at production. Thread-safe.
 */
public final class Sandbox {

  private final AsaasTransport t;
  private final boolean production;
  private final JavaType one;

  Sandbox(AsaasTransport t, boolean production) {
    this.t = t;
    this.production = production;
    this.one = t.type(Payment.class);
  }

  /**
   * Confirms (pays) a pending payment ({@code POST /sandbox/payment/{id}/confirm}).
   *
   * @param paymentId the payment
   * @return the paid payment
   */
  public Payment confirmPayment(String paymentId) {
    check();
    return t.send("sandbox.confirm", "POST", "/sandbox/payment/" + Validation.id("paymentId", paymentId) + "/confirm", null, one, false);
  }

  /**
   * Makes a pending payment overdue ({@code POST /sandbox/payment/{id}/overdue}).
   *
   * @param paymentId the payment
   * @return the overdue payment
   */
  public Payment overduePayment(String paymentId) {
    check();
    return t.send("sandbox.overdue", "POST", "/sandbox/payment/" + Validation.id("paymentId", paymentId) + "/overdue", null, one, false);
  }

  private void check() {
    if (production) {
      throw YshException.builder(ErrorCode.UNSUPPORTED).provider("asaas").detail("sandbox helpers are not available in PRODUCTION").build();
    }
  }
}
