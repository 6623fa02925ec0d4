package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Cnpj;
import io.ysh.core.br.Cpf;
import io.ysh.testkit.gen.YshGenerators;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link PixKeys}: every kind of key is recognised in its usual spellings and normalised to the
 * one Asaas expects; normalising is idempotent; a CPF with one digit changed, a phone without
 * {@code +55}, an over-long e-mail are refused; and no input at all makes it throw anything but
 * INVALID_ARGUMENT naming {@code key} without echoing the input.
 */
class PixKeysPropertyTest {

  private static final String DIGITS = "0123456789";

  private static Gen<String> digits(int n) {
    return SourceDSL.lists().of(Generate.pick(java.util.List.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))).ofSize(n)
        .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
  }

  private static void recognisedAs(String text, PixKeyType type, String value) {
    PixKeys.PixKey k = PixKeys.parse(text);
    assertThat(k.type()).as(text).isEqualTo(type);
    assertThat(k.value()).as(text).isEqualTo(value);
    assertThat(PixKeys.parse(k.value())).as("idempotent").isEqualTo(k);
    assertThat(k.toString()).doesNotContain(value);
  }

  @Test
  void cpfsBareOrFormattedAreCpfKeysOfElevenDigits() {
    qt().forAll(YshGenerators.cpfs()).checkAssert(cpf -> {
      recognisedAs(cpf, PixKeyType.CPF, cpf);
      recognisedAs(cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9), PixKeyType.CPF, cpf);
    });
  }

  @Test
  void aCpfWithOneDigitChangedIsNoKey() {
    qt().forAll(YshGenerators.cpfs(), Generate.range(0, 10), Generate.range(1, 9)).checkAssert((cpf, pos, delta) -> {
      char c = (char) ('0' + (cpf.charAt(pos) - '0' + delta) % 10);
      String bad = cpf.substring(0, pos) + c + cpf.substring(pos + 1);
      if (!Cpf.isValid(bad)) {
        assertThat(PixKeys.isValid(bad)).as(bad).isFalse();
      }
    });
  }

  @Test
  void cnpjsAreCnpjKeys() {
    qt().forAll(YshGenerators.cnpjs()).checkAssert(cnpj -> recognisedAs(cnpj, PixKeyType.CNPJ, Cnpj.parse(cnpj).value()));
  }

  @Test
  void uuidsInAnyCaseAreRandomKeysInLowerCase() {
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all(), SourceDSL.booleans().all()).checkAssert((hi, lo, upper) -> {
      String uuid = new UUID(hi, lo).toString();
      recognisedAs(upper ? uuid.toUpperCase(Locale.ROOT) : uuid, PixKeyType.EVP, uuid);
    });
  }

  @Test
  void brazilianPhonesWithFormattingArePhoneKeysInE164() {
    Gen<String> areaCodes = Generate.range(0, 80).map(i -> "" + (1 + i / 9) + (1 + i % 9));
    qt().forAll(areaCodes, SourceDSL.booleans().all(), digits(8), Generate.range(0, 3))
        .checkAssert((ddd, mobile, number, style) -> {
          String e164 = "+55" + ddd + (mobile ? "9" : "") + number;
          String local = (mobile ? "9" : "") + number;
          String typed = switch (style) {
            case 0 -> e164;
            case 1 -> "+55 (" + ddd + ") " + local.substring(0, local.length() - 4) + "-" + local.substring(local.length() - 4);
            case 2 -> "+55 " + ddd + " " + local;
            default -> "+55." + ddd + "." + local;
          };
          recognisedAs(typed, PixKeyType.PHONE, e164);
          assertThat(PixKeys.isValid(e164.substring(3))).as("without +55 it is no phone key").isEqualTo(Cpf.isValid(e164.substring(3)));
          assertThat(PixKeys.isValid("+54" + e164.substring(3))).as("another country").isFalse();
        });
  }

  @Test
  void emailsUpTo77CharactersAreEmailKeys() {
    Gen<String> label = SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20);
    qt().forAll(label, label, label).checkAssert((user, host, tld) -> {
      String email = user + "." + user + "@" + host + "." + tld;
      if (email.length() <= 77) {
        recognisedAs(email, PixKeyType.EMAIL, email);
      } else {
        assertThat(PixKeys.isValid(email)).isFalse();
      }
      assertThat(PixKeys.isValid(user + "@" + host)).as("no dotted domain").isFalse();
      assertThat(PixKeys.isValid(user + " @" + host + "." + tld)).as("a space").isFalse();
    });
  }

  @Test
  void anyTextIsEitherAConsistentKeyOrInvalidArgumentWithoutTheInput() {
    qt().forAll(YshGenerators.unicodeStrings(90).mix(digits(11)).mix(digits(14)).mix(digits(13).map(d -> "+" + d)))
        .checkAssert(text -> {
          try {
            PixKeys.PixKey k = PixKeys.parse(text);
            assertThat(PixKeys.parse(k.value())).isEqualTo(k);
            switch (k.type()) {
              case CPF -> assertThat(Cpf.isValid(k.value())).isTrue();
              case CNPJ -> assertThat(Cnpj.isValid(k.value())).isTrue();
              case PHONE -> assertThat(k.value()).matches("\\+55[1-9]{2}9?[0-9]{8}");
              case EMAIL -> assertThat(k.value()).contains("@").hasSizeLessThanOrEqualTo(77);
              case EVP -> assertThat(UUID.fromString(k.value()).toString()).isEqualTo(k.value());
              default -> throw new AssertionError("type " + k.type());
            }
          } catch (YshException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("key");
            if (text != null && text.strip().length() > 3) {
              assertThat(e.getMessage()).doesNotContain(text.strip());
            }
          }
        });
  }

  @Test
  void nullAndBlankAreRefusedNamingTheField() {
    assertThatThrownBy(() -> PixKeys.parse(null)).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).contains("key"));
    assertThatThrownBy(() -> PixKeys.parse("  ")).isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).contains("key"));
    assertThat(PixKeys.isValid(null)).isFalse();
    assertThat(DIGITS).hasSize(10);
  }
}
