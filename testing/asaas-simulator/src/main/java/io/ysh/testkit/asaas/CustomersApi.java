package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.eq;
import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import java.util.Locale;

/** {@code /customers}: create (CPF/CNPJ validated), get, list with filters, update, delete, restore. */
final class CustomersApi {

  private final SimState s;

  CustomersApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    String id = r.segment(1);
    if (id == null) {
      if (r.method().equals("POST")) {
        s.schema("POST /customers", RequestSchemas.CUSTOMER, r);
        return create(r.body());
      }
      if (r.method().equals("GET")) {
        var q = r.query();
        boolean includeDeleted = "true".equals(q.get("includeDeleted"));
        return s.list(SimState.reversed(s.customers.values()), q, c ->
            (includeDeleted || !c.path("deleted").asBoolean())
                && eq(c, "email", q.get("email"))
                && eq(c, "cpfCnpj", q.get("cpfCnpj"))
                && eq(c, "externalReference", q.get("externalReference"))
                && eq(c, "groupName", q.get("groupName"))
                && (q.get("name") == null || c.path("name").asText().toLowerCase(Locale.ROOT)
                    .contains(q.get("name").toLowerCase(Locale.ROOT))));
      }
      throw ApiError.noRoute();
    }
    ObjectNode c = s.find(s.customers, id, "Cliente");
    String sub = r.segment(2);
    if (sub == null && r.method().equals("GET")) {
      return c;
    }
    if (sub == null && r.method().equals("PUT")) {
      s.schema("PUT /customers/{id}", RequestSchemas.CUSTOMER, r);
      if (c.path("deleted").asBoolean()) {
        throw ApiError.bad("invalid_action", "Cliente removido não pode ser alterado");
      }
      ObjectNode copy = ((ObjectNode) r.body()).deepCopy();
      if (copy.hasNonNull("cpfCnpj")) {
        copy.put("cpfCnpj", cpfCnpj(copy.get("cpfCnpj").asText()));
        copy.put("personType", copy.get("cpfCnpj").asText().length() == 11 ? "FISICA" : "JURIDICA");
      }
      copy.remove("id");
      c.setAll(copy);
      return c;
    }
    if (sub == null && r.method().equals("DELETE")) {
      c.put("deleted", true);
      return s.deleted(id);
    }
    if ("restore".equals(sub) && r.method().equals("POST")) {
      s.schema("POST /customers/{id}/restore", RequestSchemas.EMPTY, r);
      if (!c.path("deleted").asBoolean()) {
        throw ApiError.bad("invalid_action", "Cliente não está removido");
      }
      c.put("deleted", false);
      return c;
    }
    throw ApiError.noRoute();
  }

  ObjectNode create(JsonNode body) {
    String name = text(body, "name");
    if (name == null || name.isBlank()) {
      throw ApiError.bad("invalid_name", "O campo name deve ser informado");
    }
    boolean foreign = body.path("foreignCustomer").asBoolean(false);
    String doc = text(body, "cpfCnpj");
    if (!foreign) {
      if (doc == null) {
        throw ApiError.bad("invalid_cpfCnpj", "O campo cpfCnpj deve ser informado");
      }
      doc = cpfCnpj(doc);
    }
    ObjectNode c = ((ObjectNode) body).deepCopy();
    String id = "cus_" + s.randomId(12);
    c.put("object", "customer");
    c.put("id", id);
    c.put("dateCreated", s.today().toString());
    if (doc != null) {
      c.put("cpfCnpj", doc);
      c.put("personType", doc.length() == 11 ? "FISICA" : "JURIDICA");
    }
    c.put("deleted", false);
    c.put("cityName", "São Paulo");
    c.put("state", "SP");
    c.put("country", "Brasil");
    s.customers.put(id, c);
    return c;
  }

  static String cpfCnpj(String doc) {
    if (Cpf.isValid(doc)) {
      return Cpf.parse(doc).value();
    }
    if (Cnpj.isValid(doc)) {
      return Cnpj.parse(doc).value();
    }
    throw ApiError.bad("invalid_cpfCnpj", "O CPF/CNPJ informado é inválido");
  }

}
