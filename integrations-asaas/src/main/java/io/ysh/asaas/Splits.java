package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The splits this account paid to other wallets and those it received from others. Obtain from
 * {@link AsaasClient#splits()}. Read-only: splits are created with the payment, installment plan
 * or subscription they belong to ({@link PaymentRequest.Builder#split(java.util.List)},
 * {@link Installments#updateSplits(String, java.util.List)}). Thread-safe.
 *
 * <p>Source: docs.asaas.com "Split de pagamento" and the official schema's PaymentSplitService
 * (asaasdev/asaas-api-sdk-java, documentation/services/PaymentSplitService.md):
 * {@code GET /v3/payments/splits/paid}, {@code GET /v3/payments/splits/paid/{id}},
 * {@code GET /v3/payments/splits/received}, {@code GET /v3/payments/splits/received/{id}}.
 * GETs: retried with backoff on connection errors, 5xx and 429 (after {@code RateLimit-Reset}),
 * under the client's 50-GET bulkhead.
 */
public final class Splits {

  private final AsaasTransport t;
  private final JavaType one;
  private final JavaType page;

  Splits(AsaasTransport t) {
    this.t = t;
    this.one = t.type(PaymentSplit.class);
    this.page = t.pageOf(PaymentSplit.class);
  }

  /**
   * Gets a split this account pays.
   *
   * @param id the split's id
   * @return the split
   */
  public PaymentSplit getPaid(String id) {
    return t.get("splits.getPaid", "/payments/splits/paid/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Gets a split this account receives.
   *
   * @param id the split's id
   * @return the split
   */
  public PaymentSplit getReceived(String id) {
    return t.get("splits.getReceived", "/payments/splits/received/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of the splits this account pays.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PaymentSplit> listPaid(SplitFilter filter, int offset, int limit) {
    Validation.required("filter", filter);
    return t.get("splits.listPaid", "/payments/splits/paid", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Lists one page of the splits this account receives.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PaymentSplit> listReceived(SplitFilter filter, int offset, int limit) {
    Validation.required("filter", filter);
    return t.get("splits.listReceived", "/payments/splits/received", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every split this account pays, lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<PaymentSplit> streamPaid(SplitFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> listPaid(filter, o, l), PaymentSplit::id);
  }

  /**
   * Streams every split this account receives, lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<PaymentSplit> streamReceived(SplitFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> listReceived(filter, o, l), PaymentSplit::id);
  }
}
