package io.ysh.asaas;

/**
 * What to anticipate: one payment or a whole installment plan, exactly one of them.
 *
 * <p>Source: the official schema's {@code AnticipationSimulateRequestDto} and
 * {@code AnticipationSaveRequestDto} (asaasdev/asaas-api-sdk-java, documentation/models). The
 * save's {@code documents} file (invoices or contracts, when Asaas requires them:
 * {@link AnticipationSimulation#isDocumentationRequired()}) is not offered.
 *
 * @param payment the payment's id, or null
 * @param installment the installment plan's id, or null
 */
public record AnticipationRequest(String payment, String installment) {

  /**
   * Checks that exactly one is given, and that it looks like an Asaas id.
   *
   * @param payment see the record component
   * @param installment see the record component
   */
  public AnticipationRequest {
    if ((payment == null) == (installment == null)) {
      throw Validation.invalid("payment", "or installment is required, not both");
    }
    if (payment != null) {
      Validation.id("payment", payment);
    } else {
      Validation.id("installment", installment);
    }
  }

  /**
   * Anticipates one payment.
   *
   * @param payment the payment's id
   * @return the request
   */
  public static AnticipationRequest ofPayment(String payment) {
    return new AnticipationRequest(Validation.required("payment", payment), null);
  }

  /**
   * Anticipates every payment of an installment plan.
   *
   * @param installment the installment plan's id
   * @return the request
   */
  public static AnticipationRequest ofInstallment(String installment) {
    return new AnticipationRequest(null, Validation.required("installment", installment));
  }
}
