package io.ysh.asaas;

import io.ysh.core.YshException;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import java.time.LocalDate;

/** Local checks that reject bad input with INVALID_ARGUMENT naming the field, before any request. */
final class Validation {

  private Validation() {}

  static YshException invalid(String field, String problem) {
    return YshException.builder(io.ysh.core.ErrorCode.INVALID_ARGUMENT)
        .provider(AsaasTransport.PROVIDER)
        .detail(field + " " + problem)
        .build();
  }

  static <T> T required(String field, T value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw invalid(field, "is required");
    }
    return value;
  }

  /** Validates a CPF or CNPJ (formatted or bare) and returns its bare form; never echoes the input. */
  static String cpfCnpj(String field, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(field, "is required");
    }
    if (Cpf.isValid(text)) {
      return Cpf.parse(text).value();
    }
    if (Cnpj.isValid(text)) {
      return Cnpj.parse(text).value();
    }
    throw invalid(field, "is not a valid CPF or CNPJ (length or check digits)");
  }

  static void notPast(String field, LocalDate date, LocalDate today) {
    if (date != null && date.isBefore(today)) {
      throw invalid(field, "is in the past (" + date + " is before today " + today + " in America/Sao_Paulo)");
    }
  }

  static String id(String field, String id) {
    if (id == null || id.isBlank()) {
      throw invalid(field, "is required");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw invalid(field, "contains a character not allowed in an Asaas id");
      }
    }
    return id;
  }
}
