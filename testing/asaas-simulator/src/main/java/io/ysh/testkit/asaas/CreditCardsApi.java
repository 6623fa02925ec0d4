package io.ysh.testkit.asaas;

import static io.ysh.testkit.asaas.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.UUID;

/**
 * Card processing: {@code POST /creditCard/tokenizeCreditCard}, and the authorization every card
 * charge goes through. As in Asaas's sandbox, every card is approved except the two documented
 * declining test cards, 5184019740373151 (Mastercard) and 4916561358240741 (Visa); a declined
 * charge answers 400 and is not persisted.
 */
final class CreditCardsApi {

  /** The sandbox's declining test cards (docs.asaas.com, "criar nova cobrança com cartão de crédito"). */
  static final Set<String> DECLINING = Set.of("5184019740373151", "4916561358240741");

  private final SimState s;

  CreditCardsApi(SimState s) {
    this.s = s;
  }

  JsonNode handle(SimRequest r) {
    if (r.is("POST", 2) && "tokenizeCreditCard".equals(r.segment(1))) {
      s.schema("POST /creditCard/tokenizeCreditCard", RequestSchemas.TOKENIZE, r);
      JsonNode body = r.body();
      String customer = text(body, "customer");
      if (customer == null || !s.customers.containsKey(customer)) {
        throw ApiError.bad("invalid_customer", "Cliente inválido ou não informado");
      }
      if (!body.has("creditCard") || !body.has("creditCardHolderInfo")) {
        throw ApiError.bad("invalid_creditCard", "Informe os dados do cartão e do titular");
      }
      if (text(body, "remoteIp") == null) {
        throw ApiError.bad("invalid_remoteIp", "O IP do pagador deve ser informado");
      }
      String number = number(body.get("creditCard"));
      return token(customer, number);
    }
    throw ApiError.noRoute();
  }

  /** Whether a create request carries card data or a token. */
  static boolean hasCard(JsonNode body) {
    return body.hasNonNull("creditCard") || body.hasNonNull("creditCardToken");
  }

  /**
   * Authorizes a card charge for a customer: validates the card data or token, declines the
   * sandbox's declining cards, and returns the summary Asaas puts in {@code creditCard}.
   */
  ObjectNode authorize(JsonNode body, String customer) {
    if (text(body, "remoteIp") == null) {
      throw ApiError.bad("invalid_remoteIp", "O IP do pagador deve ser informado");
    }
    String number;
    String token = text(body, "creditCardToken");
    if (token != null) {
      ObjectNode stored = s.cardTokens.get(token);
      if (stored == null || !stored.path("customer").asText().equals(customer)) {
        throw ApiError.bad("invalid_creditCardToken", "Token de cartão de crédito inválido para este cliente");
      }
      number = stored.get("number").asText();
    } else {
      if (!body.hasNonNull("creditCardHolderInfo")) {
        throw ApiError.bad("invalid_creditCardHolderInfo", "Os dados do titular do cartão devem ser informados");
      }
      number = number(body.get("creditCard"));
    }
    if (DECLINING.contains(number)) {
      throw ApiError.bad("invalid_creditCard", "Transação não autorizada. Verifique os dados do cartão de crédito e tente novamente.");
    }
    return token != null ? summary(number, token) : token(customer, number);
  }

  private ObjectNode token(String customer, String number) {
    String token = UUID.randomUUID().toString();
    ObjectNode stored = s.mapper.createObjectNode();
    stored.put("customer", customer);
    stored.put("number", number);
    s.cardTokens.put(token, stored);
    return summary(number, token);
  }

  private ObjectNode summary(String number, String token) {
    ObjectNode card = s.mapper.createObjectNode();
    card.put("creditCardNumber", number.substring(number.length() - 4));
    card.put("creditCardBrand", brand(number));
    card.put("creditCardToken", token);
    return card;
  }

  private static String number(JsonNode card) {
    String number = text(card, "number");
    String digits = number == null ? "" : number.replaceAll("[\\s.-]", "");
    if (!digits.matches("[0-9]{13,19}")) {
      throw ApiError.bad("invalid_creditCard", "Número do cartão de crédito inválido");
    }
    if (text(card, "expiryMonth") == null || text(card, "expiryYear") == null || text(card, "ccv") == null) {
      throw ApiError.bad("invalid_creditCard", "Informe a validade e o código de segurança do cartão");
    }
    return digits;
  }

  private static String brand(String number) {
    return switch (number.charAt(0)) {
      case '4' -> "VISA";
      case '5', '2' -> "MASTERCARD";
      case '3' -> "AMEX";
      case '6' -> "ELO";
      default -> "UNKNOWN";
    };
  }
}
