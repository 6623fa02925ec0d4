package io.ysh.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The preset codecs on their own, without a store. */
class CodecTest {

  record Item(String sku, BigDecimal price) {}

  @Test
  void stringCodecRoundTripsArbitraryText() {
    qt().withExamples(300)
        .forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 50).assuming(CodecTest::wellFormed))
        .checkAssert(s -> assertThat(Codec.string().decode(Codec.string().encode(s))).isEqualTo(s));
  }

  @Test
  void stringCodecRejectsMalformedUtf8() {
    assertThatThrownBy(() -> Codec.string().decode(new byte[] {(byte) 0xc3})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void longsUseDecimalText() {
    assertThat(new String(Codec.longs().encode(-42L), StandardCharsets.US_ASCII)).isEqualTo("-42");
    assertThat(Codec.longs().decode("9223372036854775807".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Codec.longs().decode("4.2".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void jsonKeepsDecimalsAndGenerics() {
    Codec<Map<String, List<Item>>> codec = Codec.json(new TypeToken<Map<String, List<Item>>>() {});
    Map<String, List<Item>> value = Map.of("a", List.of(new Item("x", new BigDecimal("0.10"))));
    Map<String, List<Item>> back = codec.decode(codec.encode(value));
    assertThat(back).isEqualTo(value);
    assertThat(back.get("a").get(0).price().scale()).isEqualTo(2);
    assertThat(codec.name()).contains("Map").contains("Item");
  }

  @Test
  void jsonRejectsNullAndGarbage() {
    Codec<Item> codec = Codec.json(Item.class);
    assertThat(codec.name()).isEqualTo("json(Item)");
    assertThatThrownBy(() -> codec.decode("null".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> codec.decode("{".getBytes(StandardCharsets.UTF_8))).isInstanceOf(RuntimeException.class);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void typeTokenNeedsATypeArgument() {
    assertThatThrownBy(() -> new TypeToken() {}).isInstanceOf(IllegalStateException.class);
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
