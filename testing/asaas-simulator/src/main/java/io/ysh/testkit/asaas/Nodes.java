package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** JSON field helpers shared by the simulated resources; failures are Asaas-style 400s. */
final class Nodes {

  private Nodes() {}

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static boolean eq(ObjectNode n, String field, String expected) {
    return expected == null || expected.equals(n.path(field).asText(null));
  }

  static boolean within(ObjectNode n, String field, String from, String to) {
    if (from == null && to == null) {
      return true;
    }
    String v = n.path(field).asText(null);
    if (v == null) {
      return false;
    }
    String day = v.length() >= 10 ? v.substring(0, 10) : v;
    return (from == null || day.compareTo(from) >= 0) && (to == null || day.compareTo(to) <= 0);
  }

  static BigDecimal positive(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      throw ApiError.bad("invalid_" + field, "O campo " + field + " deve ser informado");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      throw ApiError.bad("invalid_" + field, "O campo " + field + " é inválido");
    }
    if (d.signum() <= 0) {
      throw ApiError.bad("invalid_" + field, "O campo " + field + " deve ser maior que 0");
    }
    if (d.stripTrailingZeros().scale() > 2) {
      throw ApiError.bad("invalid_" + field, "O campo " + field + " deve ter no máximo 2 casas decimais");
    }
    return d.setScale(2, RoundingMode.UNNECESSARY);
  }

  static BigDecimal decimal(JsonNode n, String field) {
    return new BigDecimal(n.get(field).asText()).setScale(2, RoundingMode.HALF_EVEN);
  }

  static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (RuntimeException e) {
      throw ApiError.bad("invalid_" + field, "Data inválida em " + field);
    }
  }

  static String billingType(String bt) {
    if (bt == null || !(bt.equals("UNDEFINED") || bt.equals("BOLETO") || bt.equals("CREDIT_CARD") || bt.equals("PIX"))) {
      throw ApiError.bad("invalid_billingType", "Forma de pagamento inválida");
    }
    return bt;
  }

  static BigDecimal net(BigDecimal value) {
    BigDecimal n = value.subtract(new BigDecimal("0.99"));
    return (n.signum() < 0 ? BigDecimal.ZERO : n).setScale(2, RoundingMode.HALF_EVEN);
  }
}
