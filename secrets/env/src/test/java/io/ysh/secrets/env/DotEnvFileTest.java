package io.ysh.secrets.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.testkit.gen.YshGenerators;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

  @Test
  void parsesTheUsualForms() {
    Map<String, String> m =
        DotEnvFile.parse(
            "\uFEFF# comment\n"
                + "\n"
                + "PLAIN=value\n"
                + "export EXPORTED = spaced value   \n"
                + "INLINE=abc # a comment\n"
                + "HASH=abc#not-a-comment\n"
                + "SINGLE='literal \\n $HOME'\n"
                + "DOUBLE=\"line1\\nline2 \\\"q\\\" \\\\\"  # trailing comment\n"
                + "MULTI=\"a\nb\"\n"
                + "EMPTY=\n"
                + "PLAIN=later wins\r\n");
    assertThat(m)
        .containsEntry("PLAIN", "later wins")
        .containsEntry("EXPORTED", "spaced value")
        .containsEntry("INLINE", "abc")
        .containsEntry("HASH", "abc#not-a-comment")
        .containsEntry("SINGLE", "literal \\n $HOME")
        .containsEntry("DOUBLE", "line1\nline2 \"q\" \\")
        .containsEntry("MULTI", "a\nb")
        .containsEntry("EMPTY", "");
  }

  @Test
  void malformedLinesNameTheLineButNeverTheValue() {
    YshException e = catchThrowableOfType(YshException.class, () -> DotEnvFile.parse("A=1\nB=\"unterminated-s3cr3t\n"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("line 2").doesNotContain("s3cr3t");
    YshException noEquals = catchThrowableOfType(YshException.class, () -> DotEnvFile.parse("A=1\n\njust-a-s3cr3t\n"));
    assertThat(noEquals.getMessage()).contains("line 3").doesNotContain("s3cr3t");
  }

  @Test
  void formattedLinesParseBackToTheSameValue() {
    qt().withExamples(300)
        .forAll(YshGenerators.unicodeStrings(64))
        .checkAssert(v -> assertThat(DotEnvFile.parse(DotEnvFile.line("K", v))).containsExactly(Map.entry("K", v)));
  }
}
