package io.ysh.core.br;

import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

/**
 * An independent, deliberately plain implementation of the CPF and CNPJ check digits (explicit
 * weight tables, table lookup for character values) and local generators built on it. The
 * production code must agree with it; it shares no code with it. Core tests cannot use the
 * testkit generators (testkit depends on core), hence the local ones.
 */
final class Reference {

  static final int[] CPF_W1 = {10, 9, 8, 7, 6, 5, 4, 3, 2};
  static final int[] CPF_W2 = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
  static final int[] CNPJ_W1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  static final int[] CNPJ_W2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

  static final String DIGITS = "0123456789";
  static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String ALNUM = DIGITS + LETTERS;

  private Reference() {}

  /** Character value per the Receita table: digits 0..9, A=17 ... Z=42. */
  static int value(char c) {
    int d = DIGITS.indexOf(c);
    if (d >= 0) {
      return d;
    }
    int l = LETTERS.indexOf(c);
    if (l >= 0) {
      return 17 + l;
    }
    throw new IllegalArgumentException("not a CNPJ character: " + c);
  }

  static int sum(String chars, int[] weights) {
    int s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += value(chars.charAt(i)) * weights[i];
    }
    return s;
  }

  static int dvFromRemainder(int remainder) {
    if (remainder == 0 || remainder == 1) {
      return 0;
    }
    return 11 - remainder;
  }

  static String cpfDvs(String body9) {
    int d1 = dvFromRemainder(sum(body9, CPF_W1) % 11);
    int d2 = dvFromRemainder(sum(body9 + d1, CPF_W2) % 11);
    return "" + d1 + d2;
  }

  static String cnpjDvs(String body12) {
    int d1 = dvFromRemainder(sum(body12, CNPJ_W1) % 11);
    int d2 = dvFromRemainder(sum(body12 + d1, CNPJ_W2) % 11);
    return "" + d1 + d2;
  }

  static boolean allSame(String s) {
    return s.chars().distinct().count() == 1;
  }

  /** Reference validity of 11 bare digits. */
  static boolean cpfValid(String cpf) {
    return cpf.length() == 11
        && cpf.chars().allMatch(c -> c >= '0' && c <= '9')
        && !allSame(cpf)
        && cpf.substring(9).equals(cpfDvs(cpf.substring(0, 9)));
  }

  /** Reference validity of 14 bare uppercase characters. */
  static boolean cnpjValid(String cnpj) {
    return cnpj.length() == 14
        && cnpj.substring(0, 12).chars().allMatch(c -> ALNUM.indexOf(c) >= 0)
        && cnpj.substring(12).chars().allMatch(c -> DIGITS.indexOf(c) >= 0)
        && !allSame(cnpj)
        && cnpj.substring(12).equals(cnpjDvs(cnpj.substring(0, 12)));
  }

  static String formatCpf(String v) {
    return v.substring(0, 3) + "." + v.substring(3, 6) + "." + v.substring(6, 9) + "-"
        + v.substring(9);
  }

  static String formatCnpj(String v) {
    return v.substring(0, 2) + "." + v.substring(2, 5) + "." + v.substring(5, 8) + "/"
        + v.substring(8, 12) + "-" + v.substring(12);
  }

  private static Gen<String> chars(String alphabet, int length) {
    Gen<Integer> index = integers().between(0, alphabet.length() - 1);
    return rs -> {
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(index.generate(rs)));
      }
      return sb.toString();
    };
  }

  // A body with all digits equal would give an all-same number: bump its last digit.
  private static String notAllSame(String body) {
    if (!allSame(body)) {
      return body;
    }
    char last = body.charAt(body.length() - 1);
    return body.substring(0, body.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
  }

  /** Valid CPFs, 11 bare digits. */
  static Gen<String> cpfs() {
    return chars(DIGITS, 9).map(Reference::notAllSame).map(b -> b + cpfDvs(b));
  }

  /** Valid numeric CNPJs, 14 digits. */
  static Gen<String> numericCnpjs() {
    return chars(DIGITS, 12).map(Reference::notAllSame).map(b -> b + cnpjDvs(b));
  }

  /** Valid alphanumeric CNPJs: 12 of [0-9A-Z] with at least one letter, then 2 digits. */
  static Gen<String> alphanumericCnpjs() {
    Gen<String> body = chars(ALNUM, 12);
    Gen<Integer> position = integers().between(0, 11);
    Gen<String> letter = chars(LETTERS, 1);
    return body.zip(position, letter, (b, p, l) -> b.chars().anyMatch(c -> c > '9')
            ? b
            : b.substring(0, p) + l + b.substring(p + 1))
        .map(b -> b + cnpjDvs(b));
  }
}
