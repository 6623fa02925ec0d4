package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Payments ({@code /payments}): boleto, PIX, credit card and "payer chooses" charges, single or
 * in installments. Obtain from {@link AsaasClient#payments()}. Thread-safe.
 *
 * <p><b>Never a duplicate charge.</b> {@link #create(PaymentRequest)} and
 * {@link #refund(String, RefundRequest)} are never re-posted blindly: after a timeout, a dropped
 * connection or a 5xx, the client first checks whether Asaas committed the operation (by
 * {@code externalReference}, or by the refund count) and returns what exists; it posts again
 * only when that check proves nothing happened.
 */
public final class Payments {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType deleted;
  private final JavaType node;
  private final JavaType refundPage;

  Payments(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Payment.class);
    this.page = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
    this.node = t.type(JsonNode.class);
    this.refundPage = t.pageOf(Refund.class);
  }

  /**
   * Creates a payment, exactly once (see the class documentation). Card payments go to
   * {@code POST /payments/} as Asaas documents.
   *
   * <p>For installments set {@code installmentCount} with {@code installmentValue} or
   * {@code totalValue}; Asaas creates one payment per installment and this method returns the
   * first.
   *
   * @param request the payment; customer, billingType, value and dueDate are required
   * @return the created payment (or the one an earlier ambiguous attempt created)
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} naming the field for bad input,
   *     before any request, or an {@link AsaasException}; an {@link AsaasException} whose
   *     {@link AsaasException#outcomeUnknown()} is true means the lookup failed too: look the
   *     payment up by {@link AsaasException#externalReference()} before trying again
   */
  public Payment create(PaymentRequest request) {
    Validation.required("request", request);
    Validation.id("customer", request.customer());
    Validation.required("billingType", request.billingType());
    Validation.required("value", request.value());
    Validation.required("dueDate", request.dueDate());
    Validation.notPast("dueDate", request.dueDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    PaymentRequest body = request.withExternalReference(ref);
    String path = request.usesCard() ? "/payments/" : "/payments";
    return t.createOnce(
        "payments.create",
        ref,
        () -> t.send("payments.create", "POST", path, body, one, false),
        () -> findCreated(body));
  }

  /**
   * After an ambiguous failure: the payment this request created, if any. Matching on more than
   * the reference means a reused reference never hands back an older, different charge.
   */
  private Optional<Payment> findCreated(PaymentRequest request) {
    String ref = request.externalReference();
    return list(PaymentFilter.all().externalReference(ref).customer(request.customer()), 0, 100).data().stream()
        .filter(p -> ref.equals(p.externalReference()))
        .filter(p -> !p.deleted())
        .filter(p -> request.customer().equals(p.customer()))
        .filter(p -> request.installmentCount() != null || request.value().equals(p.value()))
        .filter(p -> p.installmentNumber() == null || p.installmentNumber() <= 1)
        .filter(p -> p.originalDueDate() == null ? request.dueDate().equals(p.dueDate()) : request.dueDate().equals(p.originalDueDate()))
        .findFirst();
  }

  /**
   * The payment with an externalReference (the first installment when several share it),
   * matched exactly.
   *
   * @param externalReference the reference
   * @return the payment, if one exists
   */
  public Optional<Payment> findByExternalReference(String externalReference) {
    Validation.required("externalReference", externalReference);
    return list(PaymentFilter.all().externalReference(externalReference), 0, 100).data().stream()
        .filter(p -> externalReference.equals(p.externalReference()))
        .min(Comparator.comparing(p -> p.installmentNumber() == null ? 0 : p.installmentNumber()));
  }

  /**
   * Gets a payment.
   *
   * @param id the id, {@code pay_…}
   * @return the payment
   * @throws AsaasNotFoundException when it does not exist
   */
  public Payment get(String id) {
    return t.get("payments.get", "/payments/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of payments.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Payment> list(PaymentFilter filter, int offset, int limit) {
    return t.get("payments.list", "/payments", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching payment, fetching pages of 100 lazily (constant memory, de-duplicated
   * by id across page boundaries).
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Payment> stream(PaymentFilter filter) {
    return Paginator.stream((o, l) -> list(filter, o, l), Payment::id);
  }

  /**
   * Iterates over every matching payment; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Payment> iterate(PaymentFilter filter) {
    return Paginator.iterable((o, l) -> list(filter, o, l), Payment::id);
  }

  /**
   * Updates a pending or overdue payment (PUT).
   *
   * @param id the id
   * @param request the fields to change; a due date must not be in the past
   * @return the updated payment
   */
  public Payment update(String id, PaymentRequest request) {
    Validation.required("request", request);
    Validation.notPast("dueDate", request.dueDate(), t.today());
    return t.send("payments.update", "PUT", "/payments/" + Validation.id("id", id), request, one, true);
  }

  /**
   * Deletes (cancels) a payment. There is no CANCELED status: a deleted payment has
   * {@code deleted=true} and can be restored.
   *
   * @param id the id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("payments.delete", "DELETE", "/payments/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Restores a deleted payment.
   *
   * @param id the id
   * @return the restored payment
   */
  public Payment restore(String id) {
    return t.send("payments.restore", "POST", "/payments/" + Validation.id("id", id) + "/restore", null, one, false);
  }

  /**
   * Reads only a payment's status.
   *
   * @param id the id
   * @return the status ({@link PaymentStatus#UNKNOWN} for a value this SDK does not know)
   */
  public PaymentStatus status(String id) {
    JsonNode n = t.get("payments.status", "/payments/" + Validation.id("id", id) + "/status", Map.of(), node);
    JsonNode s = n == null ? null : n.get("status");
    return PaymentStatus.from(s == null ? null : s.asText());
  }

  /**
   * The PIX QR code of a payment. Refetch it after any change to the payment.
   *
   * @param id the id
   * @return the QR code
   */
  public PixQrCode pixQrCode(String id) {
    return t.get("payments.pixQrCode", "/payments/" + Validation.id("id", id) + "/pixQrCode", Map.of(), t.type(PixQrCode.class));
  }

  /**
   * The typeable line and bar code of a boleto.
   *
   * @param id the id
   * @return the identification field
   */
  public BoletoIdentification identificationField(String id) {
    return t.get(
        "payments.identificationField",
        "/payments/" + Validation.id("id", id) + "/identificationField",
        Map.of(),
        t.type(BoletoIdentification.class));
  }

  /**
   * Refunds a payment fully or partially, exactly once: the refunds are counted before; after an
   * ambiguous failure they are counted again, and a new refund means the request was committed.
   *
   * @param id the payment id
   * @param request {@link RefundRequest#full()} or {@link RefundRequest#partial(io.ysh.core.br.Money)}
   * @return the payment after the refund
   */
  public Payment refund(String id, RefundRequest request) {
    Validation.id("id", id);
    RefundRequest body = request == null ? RefundRequest.full() : request;
    int before = refunds(id, 0, 1).totalCount();
    return t.createOnce(
        "payments.refund",
        id + "#refund" + (before + 1),
        () -> t.send("payments.refund", "POST", "/payments/" + id + "/refund", body, one, false),
        () -> refunds(id, 0, 1).totalCount() > before ? Optional.of(get(id)) : Optional.empty());
  }

  /**
   * Lists a payment's refunds.
   *
   * @param id the payment id
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Refund> refunds(String id, int offset, int limit) {
    return t.get("payments.refunds", "/payments/" + Validation.id("id", id) + "/refunds", References.paging(Map.of(), offset, limit), refundPage);
  }

  /**
   * Marks a payment as received in cash (outside Asaas).
   *
   * @param id the id
   * @param receipt the date and amount
   * @return the payment, now {@link PaymentStatus#RECEIVED_IN_CASH}
   */
  public Payment receiveInCash(String id, CashReceipt receipt) {
    Validation.required("receipt", receipt);
    return t.send("payments.receiveInCash", "POST", "/payments/" + Validation.id("id", id) + "/receiveInCash", receipt, one, false);
  }
}
