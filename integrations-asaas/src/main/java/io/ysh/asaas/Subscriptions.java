package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Subscriptions ({@code /subscriptions}): recurring charges that generate a payment per cycle.
 * Obtain from {@link AsaasClient#subscriptions()}. Thread-safe. Creates are exactly-once like
 * payments.
 */
public final class Subscriptions {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;
  private final JavaType paymentPage;
  private final JavaType deleted;

  Subscriptions(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Subscription.class);
    this.page = t.pageOf(Subscription.class);
    this.paymentPage = t.pageOf(Payment.class);
    this.deleted = t.type(DeletedResource.class);
  }

  /**
   * Creates a subscription exactly once (looked up by {@code externalReference} after an
   * ambiguous failure).
   *
   * @param request customer, billingType, value, nextDueDate and cycle are required
   * @return the subscription
   */
  public Subscription create(SubscriptionRequest request) {
    Validation.required("request", request);
    Validation.id("customer", request.customer());
    Validation.required("billingType", request.billingType());
    Validation.required("value", request.value());
    Validation.required("nextDueDate", request.nextDueDate());
    Validation.required("cycle", request.cycle());
    Validation.notPast("nextDueDate", request.nextDueDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    SubscriptionRequest body = request.withExternalReference(ref);
    return t.createOnce(
        "subscriptions.create",
        ref,
        () -> t.send("subscriptions.create", "POST", "/subscriptions", body, one, false),
        () -> findByExternalReference(ref).filter(s -> !s.deleted() && request.customer().equals(s.customer())));
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
    return t.get("subscriptions.list", "/subscriptions", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching subscription lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Subscription> stream(SubscriptionFilter filter) {
    return Paginator.stream((o, l) -> list(filter, o, l), Subscription::id);
  }

  /**
   * Iterates over every matching subscription; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Subscription> iterate(SubscriptionFilter filter) {
    return Paginator.iterable((o, l) -> list(filter, o, l), Subscription::id);
  }

  /**
   * Updates a subscription (PUT).
   *
   * @param id the id
   * @param request the fields to change
   * @return the updated subscription
   */
  public Subscription update(String id, SubscriptionRequest request) {
    Validation.required("request", request);
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
    return Paginator.stream((o, l) -> payments(id, o, l), Payment::id);
  }
}
