package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code /accounts} (subaccounts: create, list, get), {@code /wallets/} and
 * {@code /myAccount/status/}, {@code /myAccount/commercialInfo/}. A subaccount gets a state of its
 * own and an API key, answered once by the create, that the simulator accepts from then on.
 * Onboarding is approved at once (the sandbox approves white-label subaccounts without documents).
 *
 * <p>Source: the official schema's {@code AccountSaveRequestDto}, {@code AccountSaveResponseDto},
 * {@code MyAccountGetStatusResponseDto}, {@code AccountInfoGetResponseDto} and
 * {@code WalletShowResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 */
final class AccountsApi {

  private static final List<String> INFO_FIELDS = List.of("name", "email", "loginEmail", "phone", "mobilePhone", "address", "addressNumber",
      "complement", "province", "postalCode", "cpfCnpj", "birthDate", "companyType", "site");

  private final SimState s;

  AccountsApi(SimState s) {
    this.s = s;
  }

  JsonNode accounts(SimRequest r) {
    if (r.is("POST", 1)) {
      s.schema("POST /accounts", RequestSchemas.ACCOUNT, r);
      return create(r.body());
    }
    if (r.is("GET", 1)) {
      Map<String, String> q = r.query();
      List<ObjectNode> mine = s.accounts.subaccounts().stream().filter(t -> s.walletId.equals(t.state().parentWalletId))
          .map(t -> t.state().info).toList();
      return s.list(SimState.reversed(mine), q, a -> eq(a, "cpfCnpj", q.get("cpfCnpj")) && eq(a, "email", q.get("email"))
          && eq(a, "name", q.get("name")) && eq(a, "walletId", q.get("walletId")));
    }
    if (r.is("GET", 2)) {
      Accounts.Tenant t = s.accounts.forId(r.segment(1));
      if (t == null || t.state().info == null || !s.walletId.equals(t.state().parentWalletId)) {
        throw ApiError.notFound("Subconta");
      }
      return t.state().info;
    }
    throw ApiError.noRoute();
  }

  private JsonNode create(JsonNode body) {
    for (String f : List.of("name", "email", "cpfCnpj", "mobilePhone", "incomeValue", "address", "addressNumber", "province", "postalCode")) {
      if (!body.hasNonNull(f) || body.get(f).asText().isBlank()) {
        throw ApiError.bad("invalid_" + f, "O campo " + f + " deve ser informado");
      }
    }
    Nodes.positive(body.get("incomeValue"), "incomeValue");
    String doc = body.get("cpfCnpj").asText().replaceAll("[^0-9A-Za-z]", "");
    if (!(io.ysh.core.br.Cpf.isValid(doc) || io.ysh.core.br.Cnpj.isValid(doc))) {
      throw ApiError.bad("invalid_cpfCnpj", "O CPF/CNPJ informado é inválido");
    }
    String email = body.get("email").asText();
    boolean taken = s.accounts.subaccounts().stream().anyMatch(t -> email.equalsIgnoreCase(t.state().info.path("email").asText()));
    if (taken) {
      throw ApiError.bad("invalid_email", "O email " + email + " já está em uso");
    }
    ObjectNode info = s.mapper.createObjectNode();
    info.put("object", "account");
    for (String f : INFO_FIELDS) {
      info.put(f, text(body, f));
    }
    info.put("cpfCnpj", doc);
    if (info.path("loginEmail").isNull()) {
      info.put("loginEmail", email);
    }
    info.put("personType", doc.length() == 11 ? "FISICA" : "JURIDICA");
    info.put("incomeValue", body.get("incomeValue").decimalValue());
    info.put("city", 15873);
    info.put("state", "SP");
    info.put("country", "Brasil");
    info.put("tradingName", text(body, "name"));
    ObjectNode number = info.putObject("accountNumber");
    number.put("agency", "0001");
    number.put("account", BoletoCodec.digitsFrom(doc + email, 6));
    number.put("accountDigit", "0");
    ObjectNode exp = info.putObject("commercialInfoExpiration");
    exp.put("isExpired", false);
    exp.put("scheduledDate", s.today().plusYears(1).toString());
    String apiKey = "$aact_hmlg_" + Base64.getEncoder().withoutPadding().encodeToString(s.randomId(48).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Accounts.Tenant t = s.accounts.create(info, apiKey);
    info.put("id", t.state().accountId);
    info.put("walletId", t.state().walletId);
    ObjectNode answer = info.deepCopy();
    answer.put("apiKey", apiKey);
    return answer;
  }

  JsonNode wallets(SimRequest r) {
    if (!r.is("GET", 1)) {
      throw ApiError.noRoute();
    }
    ObjectNode w = s.mapper.createObjectNode();
    w.put("object", "wallet");
    w.put("id", s.walletId);
    return s.list(List.of(w), r.query(), x -> true);
  }

  JsonNode myAccount(SimRequest r) {
    if (!r.is("GET", 2)) {
      throw ApiError.noRoute();
    }
    switch (r.segment(1)) {
      case "status": {
        ObjectNode st = s.mapper.createObjectNode();
        st.put("id", s.accountId);
        st.put("commercialInfo", "APPROVED");
        st.put("bankAccountInfo", "APPROVED");
        st.put("documentation", "APPROVED");
        st.put("general", "APPROVED");
        return st;
      }
      case "commercialInfo": {
        ObjectNode c = s.mapper.createObjectNode();
        c.put("status", "APPROVED");
        JsonNode info = s.info != null ? s.info : rootInfo();
        for (String f : List.of("personType", "cpfCnpj", "name", "birthDate", "companyType", "incomeValue", "email", "phone", "mobilePhone",
            "postalCode", "address", "addressNumber", "complement", "province", "tradingName", "site")) {
          c.set(f, info.get(f));
        }
        c.put("companyName", info.path("name").asText());
        c.putNull("denialReason");
        c.set("commercialInfoExpiration", info.get("commercialInfoExpiration"));
        return c;
      }
      default:
        throw ApiError.noRoute();
    }
  }

  private ObjectNode rootInfo() {
    ObjectNode i = s.mapper.createObjectNode();
    i.put("personType", "JURIDICA");
    i.put("cpfCnpj", "11222333000181");
    i.put("name", "Conta Simulada Ltda");
    i.put("companyType", "LIMITED");
    i.put("incomeValue", 100000);
    i.put("email", "financeiro@example.com");
    i.put("mobilePhone", "11999990000");
    i.put("postalCode", "01310100");
    i.put("address", "Av. Paulista");
    i.put("addressNumber", "1000");
    i.put("province", "Bela Vista");
    i.put("tradingName", "Conta Simulada");
    ObjectNode exp = i.putObject("commercialInfoExpiration");
    exp.put("isExpired", false);
    exp.put("scheduledDate", s.today().plusYears(1).toString());
    return i;
  }
}
