package io.ysh.core.br;

/**
 * An independent, deliberately plain implementation of the CPF and CNPJ check digits (explicit
 * weight tables, table lookup for character values): the oracle the production code must agree
 * with; it shares no code with it. The valid numbers the tests start from come from
 * {@code YshGenerators} (ysh-test-generators, which computes its check digits without core).
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
}
