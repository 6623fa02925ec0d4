package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Transfers out of the account ({@code /transfers}) to a PIX key or a bank account. Obtain from
 * {@link AsaasClient#transfers()}. Thread-safe.
 *
 * <p>Creates follow the exactly-once protocol of {@link Payments}: after an ambiguous failure the
 * client scans the transfers created since yesterday for the request's {@code externalReference}
 * (Asaas has no filter for it) and matches value and destination; it never posts again. Asaas
 * answers 409 to a transfer identical (same value, same destination) to one made in the last 15
 * minutes: the client then returns that transfer when it carries this request's reference, and
 * otherwise throws {@link AsaasConflictException} with its id. Never an invalid-input error.
 */
public final class Transfers {

  private static final int LOOKUP_PAGES = 10;

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;

  Transfers(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Transfer.class);
    this.page = t.pageOf(Transfer.class);
  }

  /**
   * Sends money, exactly once.
   *
   * @param request the transfer
   * @return the transfer
   * @throws AsaasOutcomeUnknownException when it may have been made but did not appear: resolve
   *     with {@link #reconcile(TransferRequest)}
   * @throws AsaasConflictException when an identical transfer from elsewhere was made in the last
   *     15 minutes (Asaas's 409), or the reference is used by a different transfer
   */
  public Transfer create(TransferRequest request) {
    Validation.required("request", request);
    Validation.notPast("scheduleDate", request.scheduleDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    TransferRequest body = request.withExternalReference(ref);
    return once.run(new ExactlyOnce.Spec<>(
        "transfers.create",
        "POST " + t.basePath() + "/transfers",
        "transfers:" + ref,
        ref,
        () -> body,
        () -> {},
        () -> post(body),
        () -> lookup(body),
        id -> {
          Transfer tr = get(id);
          return ref.equals(tr.externalReference()) && matches(body, tr) ? new ExactlyOnce.Match.Found<>(tr) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        Transfer::id,
        true));
  }

  private AsaasTransport.Attempt<Transfer> post(TransferRequest body) {
    AsaasTransport.Attempt<Transfer> a = t.attemptCreate("transfers.create", "/transfers", body, one);
    if (a instanceof AsaasTransport.Attempt.Refused<Transfer> r && r.failure() instanceof AsaasConflictException c && c.httpStatus() == 409) {
      List<Transfer> identical = recent().filter(tr -> body.value().equals(tr.value()) && sameDestination(body, tr)).toList();
      for (Transfer tr : identical) {
        if (body.externalReference().equals(tr.externalReference())) {
          return new AsaasTransport.Attempt.Created<>(tr);
        }
      }
      List<String> ids = identical.stream().map(Transfer::id).toList();
      return new AsaasTransport.Attempt.Refused<>(c.withExistingIds(c.detail()
          + " (Asaas refuses a transfer identical to one made in the last 15 minutes"
          + (ids.isEmpty() ? "; the identical transfer was not found" : ": " + ids) + ")", ids));
    }
    return a;
  }

  /**
   * Resolves a create whose outcome was unknown: the transfer with the request's
   * {@code externalReference}, value and destination among those created since yesterday.
   * Never creates.
   *
   * @param request the request as sent, with its {@code externalReference}
   * @return the transfer, or empty when it was not made
   * @throws AsaasConflictException when only different transfers use the reference
   */
  public Optional<Transfer> reconcile(TransferRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    ExactlyOnce.Match<Transfer> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<Transfer> c) {
      throw AsaasConflictException.reused("transfers.reconcile", "GET " + t.basePath() + "/transfers", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<Transfer> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<Transfer> lookup(TransferRequest request) {
    String ref = request.externalReference();
    List<String> others = new ArrayList<>();
    for (Transfer tr : recent().filter(tr -> ref.equals(tr.externalReference())).toList()) {
      if (matches(request, tr)) {
        return new ExactlyOnce.Match.Found<>(tr);
      }
      others.add(tr.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private Stream<Transfer> recent() {
    return stream(TransferFilter.all().dateCreatedFrom(t.today().minusDays(1))).limit((long) LOOKUP_PAGES * Paginator.PAGE_SIZE);
  }

  private static boolean matches(TransferRequest r, Transfer tr) {
    return r.value().equals(tr.value()) && sameDestination(r, tr);
  }

  /** Compares what the response shows of the destination; a field Asaas left out is not held against it. */
  private static boolean sameDestination(TransferRequest r, Transfer tr) {
    TransferBankAccount got = tr.bankAccount();
    if (got == null) {
      return true;
    }
    if (r.pixAddressKey() != null) {
      return got.pixAddressKey() == null || normalize(r.pixAddressKey()).equals(normalize(got.pixAddressKey()));
    }
    BankAccount want = r.bankAccount();
    return same(want.agency(), got.agency()) && same(want.account(), got.account()) && same(want.accountDigit(), got.accountDigit())
        && (got.cpfCnpj() == null || normalize(want.cpfCnpj()).equals(normalize(got.cpfCnpj())));
  }

  private static boolean same(String want, String got) {
    return got == null || want == null || want.strip().equals(got.strip());
  }

  private static String normalize(String s) {
    return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s.()/-]", "");
  }

  /**
   * The transfer created since yesterday with an externalReference (scans at most 1,000).
   *
   * @param externalReference the reference
   * @return the transfer, if found
   */
  public Optional<Transfer> findByExternalReference(String externalReference) {
    Validation.required("externalReference", externalReference);
    TransferFilter recent = TransferFilter.all().dateCreatedFrom(t.today().minusDays(1));
    return stream(recent).limit((long) LOOKUP_PAGES * Paginator.PAGE_SIZE)
        .filter(tr -> externalReference.equals(tr.externalReference()))
        .findFirst();
  }

  /**
   * Gets a transfer.
   *
   * @param id the id
   * @return the transfer
   */
  public Transfer get(String id) {
    return t.get("transfers.get", "/transfers/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of transfers.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Transfer> list(TransferFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("transfers.list", "/transfers", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching transfer lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Transfer> stream(TransferFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Transfer::id);
  }

  /**
   * Iterates over every matching transfer; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Transfer> iterate(TransferFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.iterable((o, l) -> list(filter, o, l), Transfer::id);
  }

  /**
   * Cancels a transfer that is still PENDING.
   *
   * @param id the id
   * @return the cancelled transfer
   */
  public Transfer cancel(String id) {
    return t.send("transfers.cancel", "DELETE", "/transfers/" + Validation.id("id", id) + "/cancel", null, one, false);
  }
}
