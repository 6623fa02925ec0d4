package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /invoices} (NFS-e) and {@code /fiscalInfo}: the account's fiscal information (a
 * multipart form; secrets kept as "sent" flags only), the city's services (a fixed catalogue),
 * scheduling an invoice for a payment, an installment plan or a customer, update, authorize,
 * cancel, list and get. Authorizing needs the fiscal information saved; it moves the invoice
 * SCHEDULED → AUTHORIZED (number, validation code, PDF and XML URLs) with the events
 * INVOICE_SYNCHRONIZED and INVOICE_AUTHORIZED, or to ERROR with INVOICE_ERROR while
 * {@link AsaasSimulator#rejectInvoices(String)} is set. Cancelling an AUTHORIZED invoice sends
 * INVOICE_PROCESSING_CANCELLATION then INVOICE_CANCELED. Invoices are not issued by themselves on
 * their effective date, and {@code updatePayment} is stored but does not change the payment.
 *
 * <p>Source: the official schema's {@code InvoiceSaveRequestDto}, {@code InvoiceUpdateRequestDto},
 * {@code InvoiceGetResponseDto}, {@code InvoiceTaxesDto}, {@code FiscalInfoSaveRequestDto} and
 * {@code FiscalInfoGetResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models), and
 * docs.asaas.com "Eventos para notas fiscais".
 */
final class InvoicesApi {

  private static final List<String> FIELDS = List.of("serviceDescription", "observations", "externalReference", "effectiveDate",
      "municipalServiceId", "municipalServiceCode", "municipalServiceName", "updatePayment");
  private static final List<String> TAXES = List.of("cofins", "csll", "inss", "ir", "pis", "iss");
  private static final List<String[]> SERVICES = List.of(
      new String[] {"110101", "01.01 - Análise e desenvolvimento de sistemas", "2.00"},
      new String[] {"140601", "14.06 - Instalação e montagem de aparelhos, máquinas e equipamentos", "3.00"},
      new String[] {"170101", "17.01 - Assessoria ou consultoria de qualquer natureza", "5.00"},
      new String[] {"100201", "10.02 - Agenciamento, corretagem ou intermediação de contratos quaisquer", "5.00"});

  private final SimState s;
  final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
  ObjectNode fiscalInfo;
  String rejection;
  private long number;

  InvoicesApi(SimState s) {
    this.s = s;
  }

  void reset() {
    invoices.clear();
    fiscalInfo = null;
    rejection = null;
    number = 0;
  }

  JsonNode fiscalInfo(SimRequest r) {
    String sub = r.segment(1);
    if (sub == null) {
      if (r.method().equals("GET")) {
        if (fiscalInfo == null) {
          throw ApiError.notFound("Informações fiscais");
        }
        return fiscalInfo;
      }
      if (r.method().equals("POST")) {
        s.schema("POST /fiscalInfo/", RequestSchemas.FISCAL_INFO, r);
        return saveFiscalInfo(r.body());
      }
      throw ApiError.noRoute();
    }
    if (r.is("GET", 2) && "services".equals(sub)) {
      if (fiscalInfo == null) {
        throw ApiError.bad("invalid_action", "Configure as informações fiscais antes de consultar os serviços municipais");
      }
      String d = r.query().get("description");
      List<ObjectNode> all = SERVICES.stream().map(x -> {
        ObjectNode n = s.mapper.createObjectNode();
        n.put("id", x[0]);
        n.put("description", x[1]);
        n.put("issTax", new BigDecimal(x[2]));
        return n;
      }).toList();
      return s.list(all, r.query(), n -> d == null || n.get("description").asText().toLowerCase(Locale.ROOT).contains(d.toLowerCase(Locale.ROOT)));
    }
    throw ApiError.noRoute();
  }

  private JsonNode saveFiscalInfo(JsonNode body) {
    for (String f : List.of("email", "simplesNacional")) {
      if (!body.hasNonNull(f) || body.get(f).asText().isBlank()) {
        throw ApiError.bad("invalid_" + f, "O campo " + f + " deve ser informado");
      }
    }
    ObjectNode fi = fiscalInfo == null ? s.mapper.createObjectNode() : fiscalInfo;
    fi.put("object", "fiscalInfo");
    for (String f : List.of("email", "municipalInscription", "cnae", "specialTaxRegime", "serviceListItem", "nbsCode", "rpsSerie",
        "username", "nationalPortalTaxCalculationRegime")) {
      if (body.hasNonNull(f)) {
        fi.put(f, body.get(f).asText());
      } else if (!fi.has(f)) {
        fi.putNull(f);
      }
    }
    for (String f : List.of("simplesNacional", "culturalProjectsPromoter")) {
      if (body.hasNonNull(f)) {
        fi.put(f, Boolean.parseBoolean(body.get(f).asText()));
      } else if (!fi.has(f)) {
        fi.put(f, false);
      }
    }
    for (String f : List.of("rpsNumber", "loteNumber")) {
      if (body.hasNonNull(f)) {
        try {
          fi.put(f, Long.parseLong(body.get(f).asText()));
        } catch (NumberFormatException e) {
          throw ApiError.bad("invalid_" + f, "O campo " + f + " é inválido");
        }
      } else if (!fi.has(f)) {
        fi.putNull(f);
      }
    }
    fi.put("passwordSent", fi.path("passwordSent").asBoolean() || body.hasNonNull("password"));
    fi.put("accessTokenSent", fi.path("accessTokenSent").asBoolean() || body.hasNonNull("accessToken"));
    fi.put("certificateSent", fi.path("certificateSent").asBoolean() || body.hasNonNull("certificateFile"));
    fiscalInfo = fi;
    return fi;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /invoices", RequestSchemas.INVOICE, r);
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        Map<String, String> q = r.query();
        return s.list(SimState.reversed(invoices.values()), q, i -> eq(i, "payment", q.get("payment"))
            && eq(i, "installment", q.get("installment")) && eq(i, "externalReference", q.get("externalReference"))
            && eq(i, "status", q.get("status")) && eq(i, "customer", q.get("customer"))
            && Nodes.within(i, "effectiveDate", q.get("effectiveDate[Ge]"), q.get("effectiveDate[Le]")));
      }
      throw ApiError.noRoute();
    }
    ObjectNode inv = s.find(invoices, id, "Nota fiscal");
    String sub = r.segment(2);
    if (sub == null) {
      switch (r.method()) {
        case "GET":
          return inv;
        case "PUT":
          s.schema("PUT /invoices/{id}", RequestSchemas.INVOICE_UPDATE, r);
          if (!inv.path("status").asText().equals("SCHEDULED") && !inv.path("status").asText().equals("ERROR")) {
            throw ApiError.bad("invalid_action", "Só é possível alterar notas fiscais agendadas ou com erro");
          }
          apply(inv, r.body());
          s.event("INVOICE_UPDATED", "invoice", inv);
          return inv;
        default:
          throw ApiError.noRoute();
      }
    }
    if (r.is("POST", 3) && "authorize".equals(sub)) {
      s.schema("POST /invoices/{id}/authorize", RequestSchemas.EMPTY, r);
      return authorize(inv);
    }
    if (r.is("POST", 3) && "cancel".equals(sub)) {
      s.schema("POST /invoices/{id}/cancel", RequestSchemas.INVOICE_CANCEL, r);
      return cancel(inv, r.body().path("cancelOnlyOnAsaas").asBoolean(false));
    }
    throw ApiError.noRoute();
  }

  private JsonNode create(JsonNode body) {
    for (String f : List.of("serviceDescription", "observations", "value", "deductions", "effectiveDate", "municipalServiceName", "taxes")) {
      if (!body.hasNonNull(f)) {
        throw ApiError.bad("invalid_" + f, "O campo " + f + " deve ser informado");
      }
    }
    if (!body.hasNonNull("municipalServiceId") && !body.hasNonNull("municipalServiceCode")) {
      throw ApiError.bad("invalid_municipalService", "Informe o serviço municipal");
    }
    String customer = text(body, "customer");
    String payment = text(body, "payment");
    String installment = text(body, "installment");
    if (payment != null) {
      ObjectNode p = s.find(s.payments, payment, "Cobrança");
      customer = p.path("customer").asText();
      installment = p.path("installment").asText(installment);
    } else if (installment != null) {
      customer = s.find(s.installments, installment, "Parcelamento").path("customer").asText();
    } else if (customer != null) {
      s.find(s.customers, customer, "Cliente");
    } else {
      throw ApiError.bad("invalid_customer", "Informe a cobrança, o parcelamento ou o cliente da nota fiscal");
    }
    String id = "inv_" + s.randomId(12);
    ObjectNode inv = s.mapper.createObjectNode();
    inv.put("object", "invoice");
    inv.put("id", id);
    inv.put("status", "SCHEDULED");
    inv.put("customer", customer);
    inv.put("payment", payment);
    inv.put("installment", installment);
    inv.put("type", "NFS-e");
    inv.putNull("statusDescription");
    for (String f : List.of("pdfUrl", "xmlUrl", "rpsSerie", "rpsNumber", "number", "validationCode")) {
      inv.putNull(f);
    }
    inv.put("estimatedTaxesDescription", "");
    for (String f : FIELDS) {
      inv.putNull(f);
    }
    apply(inv, body);
    invoices.put(id, inv);
    s.event("INVOICE_CREATED", "invoice", inv);
    return inv;
  }

  /** Checks everything first, then changes: a refused update changes nothing. */
  private void apply(ObjectNode inv, JsonNode body) {
    BigDecimal value = body.hasNonNull("value") ? Nodes.positive(body.get("value"), "value")
        : inv.hasNonNull("value") ? new BigDecimal(inv.get("value").asText()) : null;
    BigDecimal deductions = null;
    if (body.hasNonNull("deductions")) {
      deductions = new BigDecimal(body.get("deductions").asText());
      if (deductions.signum() < 0 || (value != null && deductions.compareTo(value) > 0)) {
        throw ApiError.bad("invalid_deductions", "As deduções devem estar entre zero e o valor da nota");
      }
    }
    if (body.hasNonNull("effectiveDate") && Nodes.date(body.get("effectiveDate").asText(), "effectiveDate").isBefore(s.today())) {
      throw ApiError.bad("invalid_effectiveDate", "A data de emissão não pode ser anterior à data atual");
    }
    ObjectNode taxes = null;
    if (body.hasNonNull("taxes")) {
      JsonNode t = body.get("taxes");
      taxes = s.mapper.createObjectNode();
      if (!t.hasNonNull("retainIss")) {
        throw ApiError.bad("invalid_taxes", "O campo taxes.retainIss deve ser informado");
      }
      taxes.put("retainIss", t.get("retainIss").asBoolean());
      for (String f : TAXES) {
        if (!t.hasNonNull(f)) {
          throw ApiError.bad("invalid_taxes", "O campo taxes." + f + " deve ser informado");
        }
        BigDecimal v = new BigDecimal(t.get(f).asText());
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw ApiError.bad("invalid_taxes", "A alíquota taxes." + f + " deve estar entre 0 e 100");
        }
        taxes.put(f, v);
      }
    }
    if (value != null) {
      inv.put("value", value);
    }
    if (deductions != null) {
      inv.put("deductions", deductions);
    }
    if (taxes != null) {
      inv.set("taxes", taxes);
    }
    for (String f : FIELDS) {
      if (body.has(f)) {
        inv.set(f, body.get(f));
      }
    }
  }

  private JsonNode authorize(ObjectNode inv) {
    String status = inv.path("status").asText();
    if (!status.equals("SCHEDULED") && !status.equals("ERROR")) {
      throw ApiError.bad("invalid_action", "A nota fiscal não pode ser emitida na situação " + status);
    }
    if (fiscalInfo == null) {
      throw ApiError.bad("invalid_action", "Configure as informações fiscais antes de emitir notas fiscais");
    }
    inv.put("rpsSerie", fiscalInfo.path("rpsSerie").asText("1"));
    s.event("INVOICE_SYNCHRONIZED", "invoice", inv);
    if (rejection != null) {
      inv.put("status", "ERROR");
      inv.put("statusDescription", rejection);
      s.event("INVOICE_ERROR", "invoice", inv);
      return inv;
    }
    long n = ++number;
    long rps = fiscalInfo.path("rpsNumber").asLong(1);
    fiscalInfo.put("rpsNumber", rps + 1);
    String id = inv.get("id").asText();
    inv.put("status", "AUTHORIZED");
    inv.putNull("statusDescription");
    inv.put("number", Long.toString(n));
    inv.put("rpsNumber", Long.toString(rps));
    inv.put("validationCode", s.randomId(8).toUpperCase(Locale.ROOT));
    inv.put("pdfUrl", "https://sandbox.asaas.com/invoices/" + id + "/pdf");
    inv.put("xmlUrl", "https://sandbox.asaas.com/invoices/" + id + "/xml");
    s.event("INVOICE_AUTHORIZED", "invoice", inv);
    return inv;
  }

  private JsonNode cancel(ObjectNode inv, boolean onlyOnAsaas) {
    String status = inv.path("status").asText();
    if (status.equals("CANCELED") || status.equals("PROCESSING_CANCELLATION")) {
      throw ApiError.bad("invalid_action", "A nota fiscal já está cancelada");
    }
    if (status.equals("AUTHORIZED") && !onlyOnAsaas) {
      inv.put("status", "PROCESSING_CANCELLATION");
      s.event("INVOICE_PROCESSING_CANCELLATION", "invoice", inv);
    }
    inv.put("status", "CANCELED");
    s.event("INVOICE_CANCELED", "invoice", inv);
    return inv;
  }
}
