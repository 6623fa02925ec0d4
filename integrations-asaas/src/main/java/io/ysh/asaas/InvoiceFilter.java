package io.ysh.asaas;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing invoices (official schema: {@code ListInvoicesParameters} of
 * {@code GET /v3/invoices}: effectiveDate[Ge], effectiveDate[Le] (capitalised so in the schema,
 * unlike the other resources' [ge]/[le]), payment, installment,
 * externalReference, status, customer).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered,
 * because Asaas silently ignores a mis-spelled filter and returns the whole list.
 */
public final class InvoiceFilter {

  private final Map<String, String> params;

  private InvoiceFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition.
   *
   * @return an empty filter
   */
  public static InvoiceFilter all() {
    return new InvoiceFilter(Map.of());
  }

  /**
   * Invoices issued on or after a day.
   *
   * @param from the first day
   * @return a filter with this condition added
   */
  public InvoiceFilter effectiveDateFrom(LocalDate from) {
    return with("effectiveDate[Ge]", from == null ? null : from.toString());
  }

  /**
   * Invoices issued on or before a day.
   *
   * @param to the last day
   * @return a filter with this condition added
   */
  public InvoiceFilter effectiveDateTo(LocalDate to) {
    return with("effectiveDate[Le]", to == null ? null : to.toString());
  }

  /**
   * Invoices of a payment.
   *
   * @param payment the payment's id
   * @return a filter with this condition added
   */
  public InvoiceFilter payment(String payment) {
    return with("payment", payment);
  }

  /**
   * Invoices of an installment plan.
   *
   * @param installment the installment plan's id
   * @return a filter with this condition added
   */
  public InvoiceFilter installment(String installment) {
    return with("installment", installment);
  }

  /**
   * Invoices with this reference.
   *
   * @param externalReference the reference
   * @return a filter with this condition added
   */
  public InvoiceFilter externalReference(String externalReference) {
    return with("externalReference", externalReference);
  }

  /**
   * Invoices in a status.
   *
   * @param status the status; not {@link InvoiceStatus#UNKNOWN}
   * @return a filter with this condition added
   */
  public InvoiceFilter status(InvoiceStatus status) {
    if (status == InvoiceStatus.UNKNOWN) {
      throw Validation.invalid("status", "UNKNOWN is not a status Asaas knows");
    }
    return with("status", status == null ? null : status.name());
  }

  /**
   * Invoices of a customer.
   *
   * @param customer the customer's id
   * @return a filter with this condition added
   */
  public InvoiceFilter customer(String customer) {
    return with("customer", customer);
  }

  Map<String, String> params() {
    return params;
  }

  private InvoiceFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new InvoiceFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "InvoiceFilter" + params.keySet();
  }
}
