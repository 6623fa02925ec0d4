package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Subscriptions ({@code /subscriptions}): recurring charges that generate a payment per cycle.
 * Obtain from {@link AsaasClient#subscriptions()}. Thread-safe. Creates follow the same
 * exactly-once protocol as payments (see {@link Payments}); card subscriptions go to
 * {@code POST /subscriptions/}, as Asaas documents.
 */
public final class Subscriptions {

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType paymentPage;
  private final JavaType deleted;

  Subscriptions(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Subscription.class);
    this.page = t.pageOf(Subscription.class);
    this.paymentPage = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
  }

  /**
   * Creates a subscription exactly once. After an ambiguous failure it is looked up by
   * {@code externalReference} and matched on customer, value, cycle, billing type and first due
   * date; it is never posted again.
   *
   * @param request customer, billingType, value, nextDueDate and cycle are required; status and
   *     updatePendingPayments belong to updates
   * @return the subscription
   * @throws AsaasOutcomeUnknownException when it may exist but did not appear: resolve with
   *     {@link #reconcile(SubscriptionRequest)}
   * @throws AsaasConflictException when the reference is used by a different subscription
   */
  public Subscription create(SubscriptionRequest request) {
    Validation.required("request", request);
    Validation.id("customer", request.customer());
    Validation.required("billingType", request.billingType());
    Validation.required("value", request.value());
    Validation.required("nextDueDate", request.nextDueDate());
    Validation.required("cycle", request.cycle());
    request.checkCreatable();
    Validation.notPast("nextDueDate", request.nextDueDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    SubscriptionRequest body = request.withExternalReference(ref);
    String path = request.usesCard() ? "/subscriptions/" : "/subscriptions";
    SubscriptionRequest pending = body.redacted();
    return once.run(new ExactlyOnce.Spec<>(
        "subscriptions.create",
        "POST " + t.basePath() + path,
        "subscriptions:" + ref,
        ref,
        () -> pending,
        () -> {},
        () -> t.attemptCreate("subscriptions.create", path, body, one),
        () -> lookup(body),
        id -> {
          Subscription s = get(id);
          return ref.equals(s.externalReference()) && matches(body, s) ? new ExactlyOnce.Match.Found<>(s) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        Subscription::id,
        true));
  }

  /**
   * Resolves a create whose outcome was unknown. Never creates.
   *
   * @param request the request as sent, with its {@code externalReference}
   * @return the subscription, or empty when it was not created
   * @throws AsaasConflictException when only different subscriptions use the reference
   */
  public Optional<Subscription> reconcile(SubscriptionRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    Validation.id("customer", request.customer());
    Validation.required("value", request.value());
    Validation.required("nextDueDate", request.nextDueDate());
    ExactlyOnce.Match<Subscription> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<Subscription> c) {
      throw AsaasConflictException.reused("subscriptions.reconcile", "GET " + t.basePath() + "/subscriptions", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<Subscription> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<Subscription> lookup(SubscriptionRequest request) {
    String ref = request.externalReference();
    List<String> others = new ArrayList<>();
    for (Subscription s : list(SubscriptionFilter.all().externalReference(ref), 0, 100).data()) {
      if (!ref.equals(s.externalReference()) || s.deleted()) {
        continue;
      }
      if (matches(request, s)) {
        return new ExactlyOnce.Match.Found<>(s);
      }
      others.add(s.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  /**
   * Customer, value, cycle and billing type as requested, and the first due date: Asaas moves
   * {@code nextDueDate} on once it generates the first payment, so that payment's due date counts.
   */
  private boolean matches(SubscriptionRequest r, Subscription s) {
    if (s.deleted() || !r.customer().equals(s.customer()) || !r.value().equals(s.value())
        || r.cycle() != s.cycle() || r.billingType() != s.billingType()) {
      return false;
    }
    if (r.nextDueDate().equals(s.nextDueDate())) {
      return true;
    }
    if (s.nextDueDate() != null && s.nextDueDate().isBefore(r.nextDueDate())) {
      return false;
    }
    return payments(s.id(), 0, 100).data().stream()
        .map(p -> p.originalDueDate() != null ? p.originalDueDate() : p.dueDate())
        .filter(java.util.Objects::nonNull)
        .min(java.util.Comparator.naturalOrder())
        .map(r.nextDueDate()::equals)
        .orElse(false);
  }

  /**
   * The subscription with an externalReference, matched exactly.
   *
   * @param externalReference the reference
   * @return the subscription, if one exists
   */
  public Optional<Subscription> findByExternalReference(String externalReference) {
    Validation.required("externalReference", externalReference);
    return list(SubscriptionFilter.all().externalReference(externalReference), 0, 100).data().stream()
        .filter(s -> externalReference.equals(s.externalReference()))
        .findFirst();
  }

  /**
   * Gets a subscription.
   *
   * @param id the id, {@code sub_…}
   * @return the subscription
   */
  public Subscription get(String id) {
    return t.get("subscriptions.get", "/subscriptions/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of subscriptions.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Subscription> list(SubscriptionFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("subscriptions.list", "/subscriptions", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching subscription lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Subscription> stream(SubscriptionFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Subscription::id);
  }

  /**
   * Iterates over every matching subscription; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Subscription> iterate(SubscriptionFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.iterable((o, l) -> list(filter, o, l), Subscription::id);
  }

  /**
   * Updates a subscription (PUT).
   *
   * @param id the id
   * @param request the fields to change; customer, maxPayments and card data cannot be updated
   *     (INVALID_ARGUMENT); change the card with Asaas's credit-card endpoint
   * @return the updated subscription
   */
  public Subscription update(String id, SubscriptionRequest request) {
    Validation.required("request", request);
    request.checkUpdatable();
    return t.send("subscriptions.update", "PUT", "/subscriptions/" + Validation.id("id", id), request, one, true);
  }

  /**
   * Pauses a subscription (status INACTIVE): no new payments are generated.
   *
   * @param id the id
   * @return the updated subscription
   */
  public Subscription pause(String id) {
    return update(id, SubscriptionRequest.builder().status(SubscriptionStatus.INACTIVE).build());
  }

  /**
   * Resumes a paused subscription (status ACTIVE).
   *
   * @param id the id
   * @return the updated subscription
   */
  public Subscription resume(String id) {
    return update(id, SubscriptionRequest.builder().status(SubscriptionStatus.ACTIVE).build());
  }

  /**
   * Deletes a subscription (its pending payments are removed too).
   *
   * @param id the id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("subscriptions.delete", "DELETE", "/subscriptions/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Lists one page of the payments a subscription generated.
   *
   * @param id the subscription id
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Payment> payments(String id, int offset, int limit) {
    return t.get(
        "subscriptions.payments", "/subscriptions/" + Validation.id("id", id) + "/payments", References.paging(Map.of(), offset, limit), paymentPage);
  }

  /**
   * Streams every payment a subscription generated.
   *
   * @param id the subscription id
   * @return a sequential, lazy stream
   */
  public Stream<Payment> streamPayments(String id) {
    Args.notEmpty(id, "id");
    return Paginator.stream((o, l) -> payments(id, o, l), Payment::id);
  }
}
