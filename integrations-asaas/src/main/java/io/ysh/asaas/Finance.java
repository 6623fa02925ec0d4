package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.Map;
import java.util.stream.Stream;

/** The account balance and statement. Obtain from {@link AsaasClient#finance()}. Thread-safe. */
public final class Finance {

  private final AsaasTransport t;
  private final JavaType page;

  Finance(AsaasTransport t) {
    this.t = t;
    this.page = t.pageOf(FinancialTransaction.class);
  }

  /**
   * The available balance ({@code GET /finance/balance}).
   *
   * @return the balance
   */
  public Balance balance() {
    return t.get("finance.balance", "/finance/balance", Map.of(), t.type(Balance.class));
  }

  /**
   * Lists one page of the statement ({@code GET /financialTransactions}).
   *
   * @param filter the dates
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<FinancialTransaction> transactions(FinancialTransactionFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("finance.transactions", "/financialTransactions", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams the statement lazily.
   *
   * @param filter the dates
   * @return a sequential, lazy stream
   */
  public Stream<FinancialTransaction> streamTransactions(FinancialTransactionFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> transactions(filter, o, l), FinancialTransaction::id);
  }
}
