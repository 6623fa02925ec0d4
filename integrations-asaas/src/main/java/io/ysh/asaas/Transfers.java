package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Transfers out of the account ({@code /transfers}) to a PIX key or a bank account. Obtain from
 * {@link AsaasClient#transfers()}. Creates are exactly-once: after an ambiguous failure the
 * client scans the transfers created since yesterday for the request's
 * {@code externalReference} before posting again. Thread-safe.
 */
public final class Transfers {

  private static final int LOOKUP_PAGES = 10;

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;

  Transfers(AsaasTransport t) {
    this.t = t;
    this.one = t.type(Transfer.class);
    this.page = t.pageOf(Transfer.class);
  }

  /**
   * Sends money, exactly once.
   *
   * @param request the transfer
   * @return the transfer
   */
  public Transfer create(TransferRequest request) {
    Validation.required("request", request);
    Validation.notPast("scheduleDate", request.scheduleDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    TransferRequest body = request.withExternalReference(ref);
    return t.createOnce(
        "transfers.create",
        ref,
        () -> t.send("transfers.create", "POST", "/transfers", body, one, false),
        () -> findByExternalReference(ref).filter(tr -> request.value().equals(tr.value())));
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
    return t.get("transfers.list", "/transfers", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching transfer lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Transfer> stream(TransferFilter filter) {
    return Paginator.stream((o, l) -> list(filter, o, l), Transfer::id);
  }

  /**
   * Iterates over every matching transfer; each iteration re-runs the query lazily.
   *
   * @param filter the conditions
   * @return an iterable
   */
  public Iterable<Transfer> iterate(TransferFilter filter) {
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
