package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installment plans ({@code /installments}). A plan is created through
 * {@link Payments#create(PaymentRequest)} with {@code installmentCount}; this resource reads,
 * deletes and refunds plans as a whole, and replaces their splits. Thread-safe.
 *
 * <p>Source: docs.asaas.com "Parcelamentos" and the official schema's InstallmentService
 * (asaasdev/asaas-api-sdk-java, documentation/services/InstallmentService.md).
 */
public final class Installments {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType paymentPage;
  private final JavaType deleted;
  private final JavaType splitsBody;

  Installments(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Installment.class);
    this.page = t.pageOf(Installment.class);
    this.paymentPage = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
    this.splitsBody = t.type(SplitsAnswer.class);
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
   * Replaces the splits of a plan's payments ({@code PUT /installments/{id}/splits}, official
   * schema {@code InstallmentUpdateSplitRequestDto}). A PUT: retried on connection errors and
   * 5xx, as replacing with the same splits again changes nothing.
   *
   * @param id the plan id
   * @param splits the splits; a split with an {@code installmentNumber} applies to that
   *     installment only
   * @return the plan's splits as Asaas stored them
   * @throws io.ysh.core.YshException with {@code INVALID_ARGUMENT} before sending when a split
   *     cannot be right (see {@link Split})
   */
  public java.util.List<PaymentSplit> updateSplits(String id, java.util.List<InstallmentSplit> splits) {
    Validation.id("id", id);
    SplitRules.checkInstallment(splits);
    SplitsAnswer answer = t.send("installments.updateSplits", "PUT", "/installments/" + id + "/splits", new SplitsBody(splits), splitsBody, true);
    return answer == null || answer.splits() == null ? java.util.List.of() : java.util.List.copyOf(answer.splits());
  }

  /** The body of the split update, and of its answer. */
  record SplitsBody(java.util.List<?> splits) {}

  /** The answer of the split update. */
  record SplitsAnswer(java.util.List<PaymentSplit> splits) {}

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
