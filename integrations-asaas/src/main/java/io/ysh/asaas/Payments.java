package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Payments ({@code /payments}): boleto, PIX, credit card and "payer chooses" charges, single or
 * in installments; card pre-authorization and capture; card tokenization; refunds. Obtain from
 * {@link AsaasClient#payments()}. Thread-safe.
 *
 * <p><b>Never a duplicate charge.</b> {@link #create(PaymentRequest)} and
 * {@link #refund(String, RefundRequest)} are posted once and posted again only when the failure
 * proves the request never left this client. After an ambiguous failure (a timeout, a reset after
 * the request was written, a 5xx, an unreadable 2xx) they are never posted again: the client
 * looks for the result (the payment by {@code externalReference}, customer, value and due date;
 * the refund among the payment's refund records) with backoff for the settle window, returns it
 * when it appears, and otherwise throws {@link AsaasOutcomeUnknownException}, resolved later with
 * {@link #reconcile(PaymentRequest)} or {@link #reconcileRefund(PendingRefund)}.
 */
public final class Payments {

  /** Refund records dated this much before the request are not ours (Asaas's clock may differ from ours). */
  private static final Duration REFUND_CLOCK_SKEW = Duration.ofMinutes(10);
  private static final int LOOKUP_LIMIT = 1000;

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType deleted;
  private final JavaType node;
  private final JavaType refundPage;
  private final JavaType installment;
  private final JavaType cardSummary;

  Payments(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Payment.class);
    this.page = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
    this.node = t.type(JsonNode.class);
    this.refundPage = t.pageOf(Refund.class);
    this.installment = t.type(Installment.class);
    this.cardSummary = t.type(CreditCardSummary.class);
  }

  /**
   * Creates a payment, exactly once (see the class documentation). Card charges go to
   * {@code POST /payments/}, as Asaas documents; with {@code authorizeOnly} the card is only
   * pre-authorized and the payment stays AUTHORIZED until
   * {@link #captureAuthorizedPayment(String)}.
   *
   * <p>For installments set {@code installmentCount} with {@code installmentValue} or
   * {@code totalValue}; Asaas creates one payment per installment and this method returns the
   * first.
   *
   * <p>A create that this client (or, with {@link AsaasClient.Builder#createLeases lease cache},
   * any client) made with the same {@code externalReference} in the last 15 minutes is returned
   * instead of posted again when its fields match, and refused with
   * {@link AsaasConflictException} when they differ.
   *
   * @param request the payment; customer, billingType, value and dueDate are required
   * @return the created payment (or the one an earlier ambiguous attempt created)
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} naming the field for bad input,
   *     before any request
   * @throws AsaasOutcomeUnknownException when the payment may exist but did not appear within
   *     the settle window: resolve with {@link #reconcile(PaymentRequest)}, never by creating it
   *     again under another reference
   * @throws AsaasConflictException when the reference is already used by a different payment
   * @throws AsaasException for Asaas's refusals (400, 401, 403, 429…), which created nothing
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
    PaymentRequest pending = body.redacted();
    return once.run(new ExactlyOnce.Spec<>(
        "payments.create",
        "POST " + t.basePath() + path,
        "payments:" + ref,
        ref,
        () -> pending,
        () -> {},
        () -> t.attemptCreate("payments.create", path, body, one),
        () -> lookup(body),
        id -> matchById(body, id),
        Payment::id,
        true));
  }

  /**
   * Resolves a create whose outcome was unknown: the payment that {@code request} created, found
   * by its {@code externalReference} and matched on customer, value (or the installment plan's
   * count and total) and due date. Safe to call any number of times; never creates anything.
   *
   * @param request the request as sent, with its {@code externalReference} (for example
   *     {@link AsaasOutcomeUnknownException#pendingRequest(Class)})
   * @return the payment (the first installment for a plan), or empty when it was not created
   * @throws AsaasConflictException when only payments with different fields use the reference
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} when the request has no reference
   */
  public Optional<Payment> reconcile(PaymentRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    Validation.id("customer", request.customer());
    Validation.required("value", request.value());
    Validation.required("dueDate", request.dueDate());
    ExactlyOnce.Match<Payment> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<Payment> c) {
      throw AsaasConflictException.reused("payments.reconcile", "GET " + t.basePath() + "/payments", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<Payment> f ? Optional.of(f.value()) : Optional.empty();
  }

  /**
   * The payments under the request's reference: the one it created, or the ids of others. Only
   * single payments and first installments are considered (later installments share the
   * reference); subscription payments never match a payment create.
   */
  private ExactlyOnce.Match<Payment> lookup(PaymentRequest request) {
    String ref = request.externalReference();
    List<Payment> candidates = stream(PaymentFilter.all().externalReference(ref)).limit(LOOKUP_LIMIT)
        .filter(p -> ref.equals(p.externalReference()))
        .filter(p -> !p.deleted() && p.subscription() == null)
        .filter(p -> p.installmentNumber() == null || p.installmentNumber() <= 1)
        .toList();
    List<String> others = new ArrayList<>();
    for (Payment p : candidates) {
      if (matches(request, p)) {
        return new ExactlyOnce.Match.Found<>(p);
      }
      others.add(p.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private ExactlyOnce.Match<Payment> matchById(PaymentRequest request, String id) {
    Payment p = get(id);
    return request.externalReference().equals(p.externalReference()) && matches(request, p)
        ? new ExactlyOnce.Match.Found<>(p)
        : new ExactlyOnce.Match.Conflict<>(List.of(id));
  }

  private boolean matches(PaymentRequest r, Payment p) {
    if (p.deleted() || !r.customer().equals(p.customer())) {
      return false;
    }
    LocalDate due = p.originalDueDate() != null ? p.originalDueDate() : p.dueDate();
    if (!r.dueDate().equals(due)) {
      return false;
    }
    if (r.installmentCount() == null) {
      return p.installment() == null && r.value().equals(p.value());
    }
    if (p.installment() == null) {
      return false;
    }
    Installment plan = t.get("installments.get", "/installments/" + Validation.id("installment", p.installment()), Map.of(), installment);
    if (plan.installmentCount() == null || plan.installmentCount().intValue() != r.installmentCount()) {
      return false;
    }
    if (r.totalValue() != null) {
      return r.totalValue().equals(plan.value());
    }
    Money each = r.installmentValue() != null ? r.installmentValue() : r.value();
    return each.equals(plan.paymentValue()) || each.equals(p.value());
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
    Args.notNull(filter, "filter");
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
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Payment::id);
  }

  /**
   * Iterates over every matching payment; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Payment> iterate(PaymentFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.iterable((o, l) -> list(filter, o, l), Payment::id);
  }

  /**
   * Updates a pending or overdue payment (PUT).
   *
   * @param id the id
   * @param request the fields to change; a due date must not be in the past; customer,
   *     installments, card data and {@code authorizeOnly} cannot be updated (INVALID_ARGUMENT)
   * @return the updated payment
   */
  public Payment update(String id, PaymentRequest request) {
    Validation.required("request", request);
    request.checkUpdatable();
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
   * Refunds a payment fully or partially, exactly once. The refund records are read before the
   * POST; after an ambiguous failure a new record with this refund's value (and description), dated
   * after the request, proves it was committed, so a concurrent refund from elsewhere with
   * another value is never mistaken for this one. Refunds of one payment are serialized in this
   * client (and across processes with a lease cache).
   *
   * @param id the payment id
   * @param request {@link RefundRequest#full()} or {@link RefundRequest#partial(io.ysh.core.br.Money)}
   * @return the payment after the refund (its refund record may still be PENDING)
   * @throws AsaasOutcomeUnknownException when the refund may have happened but its record did
   *     not appear within the settle window: resolve with {@link #reconcileRefund(PendingRefund)}
   */
  public Payment refund(String id, RefundRequest request) {
    Validation.id("id", id);
    RefundRequest body = request == null ? RefundRequest.full() : request;
    String path = "/payments/" + id + "/refund";
    AtomicReference<PendingRefund> pending = new AtomicReference<>();
    return once.run(new ExactlyOnce.Spec<>(
        "payments.refund",
        "POST " + t.basePath() + path,
        "refunds:" + id,
        null,
        pending::get,
        () -> pending.set(pendingRefund(id, body)),
        () -> t.attemptCreate("payments.refund", path, body, one),
        () -> findRefund(pending.get()).isPresent() ? new ExactlyOnce.Match.Found<>(get(id)) : new ExactlyOnce.Match.Absent<>(),
        pid -> new ExactlyOnce.Match.Absent<>(),
        Payment::id,
        false));
  }

  private PendingRefund pendingRefund(String id, RefundRequest body) {
    Payment before = get(id);
    List<Refund> records = allRefunds(id);
    Money expected = body.value();
    if (expected == null && body.splitRefunds() != null) {
      expected = Money.ZERO;
      for (RefundRequest.SplitRefund sr : body.splitRefunds()) {
        expected = expected.plus(sr.value());
      }
    }
    if (expected == null) {
      Money refunded = Money.ZERO;
      for (Refund r : records) {
        if (r.value() != null && !"CANCELLED".equals(r.status())) {
          refunded = refunded.plus(r.value());
        }
      }
      expected = before.value().minus(refunded);
    }
    return new PendingRefund(id, body, expected, records, t.now());
  }

  /**
   * Resolves a refund whose outcome was unknown: the refund record that appeared since
   * {@code pending} was sent with its value and description, if exactly one did.
   *
   * @param pending {@link AsaasOutcomeUnknownException#pendingRequest(Class)} of a failed refund
   * @return the refund record, or empty when it was not made
   * @throws AsaasOutcomeUnknownException when several identical new records appeared (one may
   *     be from elsewhere) and the client cannot tell which is this one
   */
  public Optional<Refund> reconcileRefund(PendingRefund pending) {
    Validation.required("pending", pending);
    List<Refund> found = newRefunds(pending);
    if (found.size() > 1) {
      throw AsaasOutcomeUnknownException.of("payments.reconcileRefund", "GET " + t.basePath() + "/payments/" + pending.paymentId() + "/refunds",
          null, pending, found.size() + " identical refunds appeared since this one was sent; check the payment's refunds by hand",
          null, List.of());
    }
    return found.stream().findFirst();
  }

  private Optional<Refund> findRefund(PendingRefund pending) {
    List<Refund> found = newRefunds(pending);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private List<Refund> newRefunds(PendingRefund pending) {
    Map<String, Integer> before = new HashMap<>();
    for (Refund r : pending.refundsBefore()) {
      before.merge(identity(r), 1, Integer::sum);
    }
    String description = blankToNull(pending.request().description());
    LocalDateTime earliest = pending.sentAt().minus(REFUND_CLOCK_SKEW);
    List<Refund> out = new ArrayList<>();
    for (Refund r : allRefunds(pending.paymentId())) {
      String key = identity(r);
      Integer seen = before.get(key);
      if (seen != null && seen > 0) {
        before.put(key, seen - 1);
        continue;
      }
      if (pending.expectedValue().equals(r.value())
          && Objects.equals(description, blankToNull(r.description()))
          && (r.dateCreated() == null || !r.dateCreated().isBefore(earliest))) {
        out.add(r);
      }
    }
    return out;
  }

  /** What identifies a refund record across reads: its creation time, value and description (its status and PIX ids change). */
  private static String identity(Refund r) {
    return r.dateCreated() + "|" + (r.value() == null ? null : r.value().amount().toPlainString()) + "|" + blankToNull(r.description());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private List<Refund> allRefunds(String id) {
    return Paginator.stream((o, l) -> refunds(id, o, l), r -> identity(r) + "#" + System.identityHashCode(r)).limit(LOOKUP_LIMIT).toList();
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
   * Marks a payment as received in cash (outside Asaas). Not posted again after an ambiguous
   * failure: the payment is read instead, and returned if it is now RECEIVED_IN_CASH. Calling it
   * again is safe (Asaas refuses a second receipt).
   *
   * @param id the id
   * @param receipt the date and amount
   * @return the payment, now {@link PaymentStatus#RECEIVED_IN_CASH}
   */
  public Payment receiveInCash(String id, CashReceipt receipt) {
    Validation.required("receipt", receipt);
    Validation.id("id", id);
    return afterAmbiguity(id, PaymentStatus.RECEIVED_IN_CASH, true,
        () -> t.send("payments.receiveInCash", "POST", "/payments/" + id + "/receiveInCash", receipt, one, false));
  }

  /**
   * Undoes a cash receipt: the payment goes back to PENDING (or OVERDUE). After an ambiguous
   * failure the payment is read, and returned if it is no longer RECEIVED_IN_CASH.
   *
   * @param id the id
   * @return the payment
   */
  public Payment undoReceivedInCash(String id) {
    Validation.id("id", id);
    return afterAmbiguity(id, PaymentStatus.RECEIVED_IN_CASH, false,
        () -> t.send("payments.undoReceivedInCash", "POST", "/payments/" + id + "/undoReceivedInCash", null, one, false));
  }

  /**
   * Captures a card payment created with {@link PaymentRequest#authorizeOnly()}: the payment
   * goes from AUTHORIZED to CONFIRMED. After an ambiguous failure the payment is read, and
   * returned if it is no longer AUTHORIZED. Asaas refuses a second capture, so calling this again
   * never charges twice.
   *
   * @param id the id of an AUTHORIZED payment
   * @return the payment; check {@link Payment#status()} (CONFIRMED when captured)
   */
  public Payment captureAuthorizedPayment(String id) {
    Validation.id("id", id);
    return afterAmbiguity(id, PaymentStatus.AUTHORIZED, false,
        () -> t.send("payments.captureAuthorizedPayment", "POST", "/payments/" + id + "/captureAuthorizedPayment", null, one, false));
  }

  /**
   * Runs a state-changing POST that Asaas refuses to repeat; after an ambiguous failure, reads
   * the payment and returns it when its status shows the change (status reached, or left).
   */
  private Payment afterAmbiguity(String id, PaymentStatus status, boolean reached, java.util.function.Supplier<Payment> call) {
    try {
      return call.get();
    } catch (AsaasConnectionException | AsaasServerException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      Payment now;
      try {
        now = get(id);
      } catch (YshException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if ((now.status() == status) == reached) {
        return now;
      }
      throw e;
    }
  }

  /**
   * Tokenizes a card ({@code POST /creditCard/tokenizeCreditCard}) so later charges can send
   * {@link PaymentRequest#creditCardToken()} instead of the card. Not retried after an ambiguous
   * failure (a repeated call only makes another token).
   *
   * @param request the customer, card, holder and the payer's IP
   * @return the token with the card's last digits and brand
   */
  public CreditCardSummary tokenizeCreditCard(CreditCardTokenRequest request) {
    Validation.required("request", request);
    return t.send("creditCard.tokenize", "POST", "/creditCard/tokenizeCreditCard", request, cardSummary, false);
  }
}
