package io.ysh.asaas;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid CPFs and unique emails, so tests sharing one simulator never collide. */
final class Docs {

  private Docs() {}

  static String cpf() {
    int[] d = new int[11];
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 9; i++) {
      d[i] = r.nextInt(10);
    }
    d[0] = 1 + r.nextInt(9); // never all the same digit
    d[9] = check(d, 9);
    d[10] = check(d, 10);
    StringBuilder sb = new StringBuilder();
    for (int x : d) {
      sb.append(x);
    }
    return sb.toString();
  }

  private static int check(int[] d, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += d[i] * (n + 1 - i);
    }
    int m = (sum * 10) % 11;
    return m == 10 ? 0 : m;
  }

  static String email(String who) {
    return who + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@example.com";
  }

  static SubaccountRequest integrator(String name) {
    return SubaccountRequest.builder().name(name).email(email("integrador")).cpfCnpj(cpf()).mobilePhone("11988887777")
        .incomeValue(io.ysh.core.br.Money.of("25000.00")).address("Rua das Placas").addressNumber("42").province("Centro")
        .postalCode("01001-000").birthDate(java.time.LocalDate.of(1985, 3, 14)).build();
  }
}
