package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Customers ({@code /customers}). Obtain from {@link AsaasClient#customers()}. Thread-safe.
 *
 * <p>Asaas happily creates two customers with the same CPF/CNPJ; use
 * {@link #getOrCreate(CustomerRequest)} when you want one per person. Creates follow the same
 * exactly-once protocol as payments (see {@link Payments}): matched on reference and CPF/CNPJ.
 */
public final class Customers {

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType deleted;

  Customers(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Customer.class);
    this.page = t.pageOf(Customer.class);
    this.deleted = t.type(DeletedResource.class);
  }

  /**
   * Creates a customer, exactly once even when the connection drops: the request carries an
   * {@code externalReference} (yours, or a generated {@code ysh-…} one); after an ambiguous
   * failure the client never posts again but looks the customer up by it for the settle window.
   *
   * @param request the fields; {@code name} and {@code cpfCnpj} are required
   * @return the customer
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for missing or invalid fields
   *     (checked before sending)
   * @throws AsaasOutcomeUnknownException when the customer may exist but did not appear: resolve
   *     with {@link #reconcile(CustomerRequest)}
   * @throws AsaasConflictException when the reference is used by a customer with another CPF/CNPJ
   */
  public Customer create(CustomerRequest request) {
    Validation.required("request", request);
    Validation.required("name", request.name());
    if (!Boolean.TRUE.equals(request.foreignCustomer())) {
      Validation.cpfCnpj("cpfCnpj", request.cpfCnpj());
    }
    String ref = References.orGenerate(request.externalReference());
    CustomerRequest body = request.withExternalReference(ref);
    return once.run(new ExactlyOnce.Spec<>(
        "customers.create",
        "POST " + t.basePath() + "/customers",
        "customers:" + ref,
        ref,
        () -> body,
        () -> {},
        () -> t.attemptCreate("customers.create", "/customers", body, one),
        () -> lookup(body),
        id -> {
          Customer c = get(id);
          return ref.equals(c.externalReference()) && matches(body, c) ? new ExactlyOnce.Match.Found<>(c) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        Customer::id,
        true));
  }

  /**
   * Resolves a create whose outcome was unknown: the customer with the request's
   * {@code externalReference} and CPF/CNPJ (or name, for a foreign customer). Never creates.
   *
   * @param request the request as sent, with its {@code externalReference}
   * @return the customer, or empty when it was not created
   * @throws AsaasConflictException when only customers with another CPF/CNPJ use the reference
   */
  public Optional<Customer> reconcile(CustomerRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    ExactlyOnce.Match<Customer> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<Customer> c) {
      throw AsaasConflictException.reused("customers.reconcile", "GET " + t.basePath() + "/customers", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<Customer> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<Customer> lookup(CustomerRequest request) {
    String ref = request.externalReference();
    List<String> others = new ArrayList<>();
    for (Customer c : list(CustomerFilter.all().externalReference(ref), 0, 100).data()) {
      if (!ref.equals(c.externalReference()) || c.deleted()) {
        continue;
      }
      if (matches(request, c)) {
        return new ExactlyOnce.Match.Found<>(c);
      }
      others.add(c.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private static boolean matches(CustomerRequest request, Customer c) {
    if (c.deleted()) {
      return false;
    }
    if (request.cpfCnpj() != null) {
      return sameDocument(request.cpfCnpj(), c.cpfCnpj());
    }
    return request.name().equals(c.name());
  }

  private static boolean sameDocument(String a, String b) {
    return b != null && a.replaceAll("[^0-9A-Za-z]", "").equalsIgnoreCase(b.replaceAll("[^0-9A-Za-z]", ""));
  }

  /**
   * Returns the customer with the given CPF/CNPJ if one exists (not deleted), otherwise creates
   * it (safely, as {@link #create(CustomerRequest)}). Two calls for the same CPF/CNPJ never run
   * at the same time in this client (nor across processes with a
   * {@linkplain AsaasClient.Builder#createLeases lease cache}), so they return one customer.
   *
   * @param request the fields; {@code name} and {@code cpfCnpj} are required
   * @return the existing or new customer
   */
  public Customer getOrCreate(CustomerRequest request) {
    Validation.required("request", request);
    String doc = request.cpfCnpj() == null ? null : Validation.cpfCnpj("cpfCnpj", request.cpfCnpj());
    String key = doc != null ? "customers-doc:" + doc : request.externalReference() != null ? "customers-ref:" + request.externalReference() : null;
    if (key == null) {
      return create(request);
    }
    return once.exclusive(key, "customers.getOrCreate", () -> {
      if (doc != null) {
        List<Customer> found = findByCpfCnpj(doc);
        if (!found.isEmpty()) {
          return found.get(0);
        }
      }
      if (request.externalReference() != null) {
        Optional<Customer> byRef = findByExternalReference(request.externalReference());
        if (byRef.isPresent()) {
          return byRef.get();
        }
      }
      return create(request);
    });
  }

  /**
   * Gets a customer.
   *
   * @param id the id, {@code cus_…}
   * @return the customer (possibly {@linkplain Customer#deleted() deleted})
   * @throws AsaasNotFoundException when it does not exist
   */
  public Customer get(String id) {
    return t.get("customers.get", "/customers/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of customers.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Customer> list(CustomerFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("customers.list", "/customers", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching customer, fetching pages of 100 lazily (constant memory,
   * de-duplicated by id across page boundaries).
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Customer> stream(CustomerFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Customer::id);
  }

  /**
   * Iterates over every matching customer; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Customer> iterate(CustomerFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.iterable((o, l) -> list(filter, o, l), Customer::id);
  }

  /**
   * The customers (not deleted) with a CPF/CNPJ.
   *
   * @param cpfCnpj the CPF or CNPJ, formatted or bare; validated locally
   * @return the customers, possibly several (Asaas allows duplicates)
   */
  public List<Customer> findByCpfCnpj(String cpfCnpj) {
    String digits = Validation.cpfCnpj("cpfCnpj", cpfCnpj);
    return list(CustomerFilter.all().cpfCnpj(digits), 0, 100).data().stream()
        .filter(c -> !c.deleted() && digits.equals(c.cpfCnpj() == null ? null : c.cpfCnpj().replaceAll("[^0-9A-Za-z]", "")))
        .toList();
  }

  /**
   * The customer with an externalReference, matched exactly (Asaas's filter is trusted only as a
   * pre-selection).
   *
   * @param externalReference the reference
   * @return the customer, if one exists
   */
  public Optional<Customer> findByExternalReference(String externalReference) {
    Validation.required("externalReference", externalReference);
    return list(CustomerFilter.all().externalReference(externalReference), 0, 100).data().stream()
        .filter(c -> externalReference.equals(c.externalReference()))
        .findFirst();
  }

  /**
   * Updates a customer (PUT; only the fields set are changed).
   *
   * @param id the id
   * @param request the fields to change
   * @return the updated customer
   */
  public Customer update(String id, CustomerRequest request) {
    Validation.required("request", request);
    return t.send("customers.update", "PUT", "/customers/" + Validation.id("id", id), request, one, true);
  }

  /**
   * Deletes a customer (it can be restored).
   *
   * @param id the id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("customers.delete", "DELETE", "/customers/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Restores a deleted customer.
   *
   * @param id the id
   * @return the restored customer
   */
  public Customer restore(String id) {
    return t.send("customers.restore", "POST", "/customers/" + Validation.id("id", id) + "/restore", null, one, false);
  }
}
