package io.ysh.testkit.asaas;

/** Deterministic digits for a boleto's bar code (44) and typeable line (47), seeded by the charge. */
final class BoletoCodec {

  private BoletoCodec() {}

  static String barCode(String seed) {
    return digitsFrom(seed, 44);
  }

  static String identificationField(String barCode) {
    return digitsFrom(barCode, 47);
  }

  static String digitsFrom(String seed, int n) {
    StringBuilder sb = new StringBuilder();
    long h = seed.hashCode() & 0xffffffffL;
    while (sb.length() < n) {
      h = h * 6364136223846793005L + 1442695040888963407L;
      sb.append(Long.toUnsignedString(h >>> 33, 10));
    }
    return sb.substring(0, n);
  }
}
