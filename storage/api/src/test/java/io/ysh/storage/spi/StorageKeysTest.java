package io.ysh.storage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class StorageKeysTest {

  @Test
  void awkwardButValidKeysPass() {
    for (String k : List.of("a", "with space", "plus+%20", "日本/語", "emoji 🚀", "a.b/c.d", "x".repeat(1024))) {
      assertThat(StorageKeys.validate(k)).isEqualTo(k);
    }
  }

  @Test
  void invalidKeysNameTheProblem() {
    assertInvalid("", "empty");
    assertInvalid(null, "null");
    assertInvalid("a/../b", "'..'");
    assertInvalid("/abs", "starts with '/'");
    assertInvalid("a\\b", "backslash");
    assertInvalid("nul\u0000", "control character");
    assertInvalid("bad\uD800", "unpaired surrogate");
    assertInvalid("x".repeat(1025), "1025 UTF-8 bytes");
    assertInvalid("ç".repeat(513), "1026 UTF-8 bytes");
  }

  private static void assertInvalid(String key, String message) {
    assertThatThrownBy(() -> StorageKeys.validate(key)).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void utf8OrderMatchesTheOrderOfUtf8Bytes() {
    qt().forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 6),
            SourceDSL.strings().allPossible().ofLengthBetween(0, 6))
        .assuming((a, b) -> wellFormed(a) && wellFormed(b))
        .checkAssert((a, b) -> assertThat(Integer.signum(StorageKeys.UTF8_ORDER.compare(a, b)))
            .isEqualTo(Integer.signum(Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))));
  }

  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
  }

  @Test
  void sortedListingPagesWithPrefixesAndTokens() {
    var map = new java.util.TreeMap<String, Integer>(StorageKeys.UTF8_ORDER);
    for (String k : List.of("a/1", "a/2", "b", "c/x/1", "c/y", "d")) {
      map.put(k, 1);
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      var page = SortedListing.page(map, new io.ysh.storage.ListOptions("", "/", 2), token,
          (k, v) -> io.ysh.storage.ListEntry.object(k, v, null, null));
      page.entries().forEach(e -> seen.add(e.key()));
      token = page.nextPageToken();
    } while (token != null);
    assertThat(seen).containsExactly("a/", "b", "c/", "d");
  }
}
