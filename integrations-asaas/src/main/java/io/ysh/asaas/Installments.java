package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installment plans ({@code /installments}). A plan is created through
 * {@link Payments#create(PaymentRequest)} with {@code installmentCount}; this resource reads,
 * deletes and refunds plans as a whole. Thread-safe.
 */
public final class Installments {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType paymentPage;
  private final JavaType deleted;

  Installments(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Installment.class);
    this.page = t.pageOf(Installment.class);
    this.paymentPage = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
  }

  /**
   * Gets a plan.
   *
   * @param id the plan id
   * @return the plan
   */
  public Installment get(String id) {
    return t.get("installments.get", "/installments/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of plans.
   *
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Installment> list(int offset, int limit) {
    return t.get("installments.list", "/installments", References.paging(Map.of(), offset, limit), page);
  }

  /**
   * Streams every plan lazily.
   *
   * @return a sequential, lazy stream
   */
  public Stream<Installment> stream() {
    return Paginator.stream(this::list, Installment::id);
  }

  /**
   * Lists one page of a plan's payments.
   *
   * @param id the plan id
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Payment> payments(String id, int offset, int limit) {
    return t.get(
        "installments.payments", "/installments/" + Validation.id("id", id) + "/payments", References.paging(Map.of(), offset, limit), paymentPage);
  }

  /**
   * Deletes a plan and its pending payments.
   *
   * @param id the plan id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("installments.delete", "DELETE", "/installments/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Refunds a plan's paid installments. Not retried after an ambiguous failure: read the plan's
   * payments to learn the outcome.
   *
   * @param id the plan id
   * @return the plan
   */
  public Installment refund(String id) {
    return t.send("installments.refund", "POST", "/installments/" + Validation.id("id", id) + "/refund", null, one, false);
  }
}
