package io.ysh.asaas;

import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises and normalises Pix address keys, as the Central Bank's DICT defines them: a CPF or
 * CNPJ (valid check digits; formatted or bare, normalised to digits), an e-mail address (at most
 * 77 characters, one {@code @}, a dotted domain, no spaces), a phone number in E.164 with Brazil's
 * country code ({@code +55}, a two-digit area code without zeros, 8 or 9 digits; formatting
 * removed) or a random key (EVP: a UUID, normalised to lower case).
 *
 * <p>A bare 11-digit number is a CPF, never a phone: a phone key always starts with {@code +}.
 * Messages never echo the key (a key is personal data).
 */
public final class PixKeys {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+55[1-9]{2}9?[0-9]{8}");
  private static final Pattern EVP = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern PHONE_FORMATTING = Pattern.compile("[\\s().-]");

  private PixKeys() {}

  /**
   * A recognised key.
   *
   * @param type CPF, CNPJ, EMAIL, PHONE or EVP (never UNKNOWN)
   * @param value the normalised key, as Asaas expects it
   */
  public record PixKey(PixKeyType type, String value) {

    /** Masks the key: it is personal data. */
    @Override
    public String toString() {
      return "PixKey[" + type + "]";
    }
  }

  /**
   * Recognises a key.
   *
   * @param key the key as typed
   * @return the type and the normalised key
   * @throws io.ysh.core.YshException INVALID_ARGUMENT naming {@code key} when it is none of the
   *     five kinds
   */
  public static PixKey parse(String key) {
    return parse("key", key);
  }

  /**
   * Whether the text is a Pix key of any kind.
   *
   * @param key the text, may be null
   * @return true when {@link #parse(String)} accepts it
   */
  public static boolean isValid(String key) {
    return recognise(key) != null;
  }

  static PixKey parse(String field, String key) {
    if (key == null || key.isBlank()) {
      throw Validation.invalid(field, "is required");
    }
    PixKey k = recognise(key);
    if (k == null) {
      throw Validation.invalid(field, "is not a Pix key (a CPF, a CNPJ, an e-mail, a phone as +55DDNNNNNNNNN or a random key UUID)");
    }
    return k;
  }

  private static PixKey recognise(String key) {
    if (key == null) {
      return null;
    }
    String s = key.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.startsWith("+")) {
      String phone = PHONE_FORMATTING.matcher(s).replaceAll("");
      return PHONE.matcher(phone).matches() ? new PixKey(PixKeyType.PHONE, phone) : null;
    }
    if (s.indexOf('@') >= 0) {
      return s.length() <= 77 && EMAIL.matcher(s).matches() ? new PixKey(PixKeyType.EMAIL, s) : null;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (EVP.matcher(lower).matches()) {
      return new PixKey(PixKeyType.EVP, lower);
    }
    if (Cpf.isValid(s)) {
      return new PixKey(PixKeyType.CPF, Cpf.parse(s).value());
    }
    if (Cnpj.isValid(s)) {
      return new PixKey(PixKeyType.CNPJ, Cnpj.parse(s).value());
    }
    return null;
  }
}
