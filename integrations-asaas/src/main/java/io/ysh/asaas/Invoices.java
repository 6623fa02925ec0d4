package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import io.ysh.core.Args;
import io.ysh.core.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * NFS-e (service invoices, {@code /invoices}) and the account's fiscal information
 * ({@code /fiscalInfo}). Obtain from {@link AsaasClient#invoices()}. Thread-safe.
 *
 * <p>Source: docs.asaas.com "Notas fiscais" and the official schema's InvoiceService and
 * FiscalInfoService (asaasdev/asaas-api-sdk-java, documentation/services):
 * {@code GET/POST /v3/invoices}, {@code GET/PUT /v3/invoices/{id}},
 * {@code POST /v3/invoices/{id}/authorize}, {@code POST /v3/invoices/{id}/cancel} (body
 * {@code cancelOnlyOnAsaas}); {@code GET/POST /v3/fiscalInfo/} (the POST is a multipart form),
 * {@code GET /v3/fiscalInfo/services} (query {@code description}). Not offered: the municipal
 * options, the NBS code list, the national portal switch and the certificate file upload.
 *
 * <p>An invoice is scheduled ({@link InvoiceStatus#SCHEDULED}), then issued by the city hall on
 * its effective date or when {@link #authorize(String) authorized}: {@code AUTHORIZED}, or
 * {@code ERROR} with {@link Invoice#statusDescription()}. The webhook events
 * ({@link InvoiceEventType}) arrive as {@link InvoiceEvent}s.
 *
 * <p>{@link #schedule(InvoiceRequest)} follows the exactly-once protocol of {@link Payments}: it
 * carries an {@code externalReference} (yours or a generated one); after an ambiguous failure the
 * invoice is looked up by it (matching value, effective date and payment, installment or
 * customer), never posted again; {@link AsaasOutcomeUnknownException} otherwise, resolved by
 * {@link #reconcile(InvoiceRequest)}. {@link #saveFiscalInfo(FiscalInfoRequest)} and
 * {@link #update} replace state and are retried like reads; {@link #authorize} and
 * {@link #cancel} are not retried.
 */
public final class Invoices {

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType fiscal;
  private final JavaType services;

  Invoices(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Invoice.class);
    this.page = t.pageOf(Invoice.class);
    this.fiscal = t.type(FiscalInfo.class);
    this.services = t.pageOf(MunicipalService.class);
  }

  /**
   * The account's fiscal information.
   *
   * @return it, with only flags for the secrets
   */
  public FiscalInfo fiscalInfo() {
    return t.get("fiscalInfo.get", "/fiscalInfo/", Map.of(), fiscal);
  }

  /**
   * Creates or replaces the account's fiscal information (a multipart form, as Asaas requires).
   * Saving the same information twice has the effect of saving it once, so it is retried like a PUT.
   *
   * @param request the information; email and simplesNacional are required
   * @return the information as saved
   */
  public FiscalInfo saveFiscalInfo(FiscalInfoRequest request) {
    Validation.required("request", request);
    Validation.required("email", request.email());
    Validation.required("simplesNacional", request.simplesNacional());
    Map<String, String> f = new LinkedHashMap<>();
    f.put("email", request.email());
    f.put("municipalInscription", request.municipalInscription());
    f.put("simplesNacional", request.simplesNacional().toString());
    f.put("culturalProjectsPromoter", text(request.culturalProjectsPromoter()));
    f.put("cnae", request.cnae());
    f.put("specialTaxRegime", request.specialTaxRegime());
    f.put("serviceListItem", request.serviceListItem());
    f.put("nbsCode", request.nbsCode());
    f.put("rpsSerie", request.rpsSerie());
    f.put("rpsNumber", text(request.rpsNumber()));
    f.put("loteNumber", text(request.loteNumber()));
    f.put("username", request.username());
    f.put("password", reveal(request.password()));
    f.put("accessToken", reveal(request.accessToken()));
    f.put("certificatePassword", reveal(request.certificatePassword()));
    f.put("nationalPortalTaxCalculationRegime", request.nationalPortalTaxCalculationRegime());
    return t.sendForm("fiscalInfo.save", "POST", "/fiscalInfo/", f, fiscal, true);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String reveal(Secret s) {
    return s == null ? null : s.reveal();
  }

  /**
   * One page of the services of the account's city (needs the fiscal information saved).
   *
   * @param description only services whose name contains this, or null for all
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<MunicipalService> municipalServices(String description, int offset, int limit) {
    Map<String, String> q = new HashMap<>();
    if (description != null) {
      q.put("description", description);
    }
    return t.get("fiscalInfo.services", "/fiscalInfo/services", References.paging(q, offset, limit), services);
  }

  /**
   * Schedules an invoice, exactly once.
   *
   * @param request the invoice
   * @return the invoice, {@link InvoiceStatus#SCHEDULED}
   * @throws AsaasOutcomeUnknownException when it may have been scheduled but did not appear:
   *     resolve with {@link #reconcile(InvoiceRequest)}
   */
  public Invoice schedule(InvoiceRequest request) {
    Validation.required("request", request);
    if (request.payment() == null && request.installment() == null && request.customer() == null) {
      throw Validation.invalid("payment", "or installment or customer is required (customer alone for a standalone invoice)");
    }
    Validation.required("serviceDescription", request.serviceDescription());
    if (request.observations() == null) {
      throw Validation.invalid("observations", "is required (it may be empty)");
    }
    Validation.required("value", request.value());
    Validation.required("deductions", request.deductions());
    Validation.required("effectiveDate", request.effectiveDate());
    Validation.required("municipalServiceName", request.municipalServiceName());
    if (request.municipalServiceId() == null && request.municipalServiceCode() == null) {
      throw Validation.invalid("municipalServiceId", "or municipalServiceCode is required");
    }
    Validation.required("taxes", request.taxes());
    Validation.notPast("effectiveDate", request.effectiveDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    InvoiceRequest body = request.withExternalReference(ref);
    return once.run(new ExactlyOnce.Spec<>(
        "invoices.schedule",
        "POST " + t.basePath() + "/invoices",
        "invoices:" + ref,
        ref,
        () -> body,
        () -> {},
        () -> t.attemptCreate("invoices.schedule", "/invoices", body, one),
        () -> lookup(body),
        id -> {
          Invoice i = get(id);
          return ref.equals(i.externalReference()) && matches(body, i) ? new ExactlyOnce.Match.Found<>(i)
              : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        Invoice::id,
        true));
  }

  /**
   * Resolves a schedule whose outcome was unknown: the invoice with the request's
   * {@code externalReference}, value, effective date and payment, installment or customer. Never
   * creates.
   *
   * @param request the request as sent, with its {@code externalReference}
   * @return the invoice, or empty when it was not scheduled
   * @throws AsaasConflictException when only different invoices use the reference
   */
  public Optional<Invoice> reconcile(InvoiceRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    ExactlyOnce.Match<Invoice> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<Invoice> c) {
      throw AsaasConflictException.reused("invoices.reconcile", "GET " + t.basePath() + "/invoices", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<Invoice> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<Invoice> lookup(InvoiceRequest request) {
    String ref = request.externalReference();
    List<String> others = new ArrayList<>();
    for (Invoice i : list(InvoiceFilter.all().externalReference(ref), 0, 100).data()) {
      if (!ref.equals(i.externalReference())) {
        continue;
      }
      if (matches(request, i)) {
        return new ExactlyOnce.Match.Found<>(i);
      }
      others.add(i.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private static boolean matches(InvoiceRequest r, Invoice i) {
    return Objects.equals(r.value(), i.value()) && Objects.equals(r.effectiveDate(), i.effectiveDate())
        && (r.payment() == null || r.payment().equals(i.payment()))
        && (r.installment() == null || r.installment().equals(i.installment()))
        && (r.customer() == null || r.customer().equals(i.customer()));
  }

  /**
   * Gets an invoice.
   *
   * @param id the invoice's id
   * @return the invoice
   */
  public Invoice get(String id) {
    return t.get("invoices.get", "/invoices/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of invoices.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Invoice> list(InvoiceFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("invoices.list", "/invoices", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching invoice lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Invoice> stream(InvoiceFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Invoice::id);
  }

  /**
   * Changes a scheduled invoice (only the fields given). A PUT: retried on connection errors and 5xx.
   *
   * @param id the invoice's id
   * @param update the fields to change
   * @return the invoice
   */
  public Invoice update(String id, InvoiceUpdate update) {
    Validation.id("id", id);
    Validation.required("update", update);
    Validation.notPast("effectiveDate", update.effectiveDate(), t.today());
    return t.send("invoices.update", "PUT", "/invoices/" + id, update, one, true);
  }

  /**
   * Issues a scheduled invoice now, without waiting for its effective date. Not retried.
   *
   * @param id the invoice's id
   * @return the invoice as Asaas answered (the city hall's verdict arrives by webhook or {@link #get})
   */
  public Invoice authorize(String id) {
    return t.send("invoices.authorize", "POST", "/invoices/" + Validation.id("id", id) + "/authorize", null, one, false);
  }

  /**
   * Cancels an invoice. Not retried.
   *
   * @param id the invoice's id
   * @param onlyOnAsaas true to cancel it only in Asaas (when it was already cancelled at the city
   *     hall), false to ask the city hall too
   * @return the invoice
   */
  public Invoice cancel(String id, boolean onlyOnAsaas) {
    Validation.id("id", id);
    return t.send("invoices.cancel", "POST", "/invoices/" + id + "/cancel", Map.of("cancelOnlyOnAsaas", onlyOnAsaas), one, false);
  }
}
