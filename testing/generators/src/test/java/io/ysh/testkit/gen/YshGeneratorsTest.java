package io.ysh.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What each generator's javadoc promises, checked on many examples. That the CPFs and CNPJs carry
 * the right check digits is checked by ysh-core's own tests, which feed them to {@code Cpf} and
 * {@code Cnpj} and to an independent reference implementation.
 */
class YshGeneratorsTest {

  @Test
  void objectKeysKeepEveryDocumentedRule() {
    qt().withExamples(2000).forAll(YshGenerators.objectKeys()).checkAssert(key -> {
      int codePoints = key.codePointCount(0, key.length());
      assertThat(codePoints).isBetween(1, YshGenerators.MAX_KEY_CODE_POINTS);
      assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
      assertThat(key).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("//").doesNotContain("\\");
      assertThat(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .as("well-formed UTF-16, no unpaired surrogate").isEqualTo(key);
      assertThat(key.codePoints().noneMatch(Character::isISOControl)).as("no control character").isTrue();
      for (String segment : key.split("/", -1)) {
        assertThat(segment.codePointCount(0, segment.length()))
            .isBetween(1, YshGenerators.MAX_KEY_SEGMENT_CODE_POINTS);
        assertThat(segment).doesNotEndWith(".");
      }
    });
  }

  @Test
  void identifiersHaveTheirShape() {
    qt().forAll(YshGenerators.cpfs()).checkAssert(cpf -> {
      assertThat(cpf).matches("[0-9]{11}");
      assertThat(cpf.chars().distinct().count()).isGreaterThan(1);
    });
    qt().forAll(YshGenerators.numericCnpjs()).checkAssert(cnpj -> assertThat(cnpj).matches("[0-9]{14}"));
    qt().forAll(YshGenerators.alphanumericCnpjs())
        .checkAssert(cnpj -> assertThat(cnpj).matches("[0-9A-Z]{12}[0-9]{2}").matches(".*[A-Z].*"));
  }

  @Test
  void amountsHaveTwoDecimalsAndStayInTheirBounds() {
    qt().forAll(YshGenerators.amounts(-150, 99_999)).checkAssert(a -> {
      assertThat(a.scale()).isEqualTo(2);
      assertThat(a).isBetween(new BigDecimal("-1.50"), new BigDecimal("999.99"));
    });
    assertThatThrownBy(() -> YshGenerators.amounts(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YshGenerators.amounts(Long.MIN_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteArraysAndTextStayInTheirBounds() {
    qt().forAll(YshGenerators.byteArrays(3, 40)).checkAssert(b -> assertThat(b.length).isBetween(3, 40));
    qt().forAll(YshGenerators.unicodeStrings(10)).checkAssert(s -> {
      assertThat(s.codePointCount(0, s.length())).isLessThanOrEqualTo(10);
      assertThat(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(s);
    });
    assertThatThrownBy(() -> YshGenerators.byteArrays(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YshGenerators.byteArrays(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YshGenerators.unicodeStrings(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
