package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoreTourTest {

  @Test
  void runsOfflineAndReportsEachStepWithoutLeakingTheDemoPassword() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new CoreTour(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
    String report = buffer.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("redis://app:****@cache.internal:6379/0")
        .doesNotContain("S3cr3t-pass")
        .contains("33.050.196/0001-88")
        .contains("12.ABC.345/01DE-35")
        .contains("'11.222.333/0001-00' valid? false")
        .contains("3 attempts (2 answered 503), then LIGHT SESA: R$ 0.75773/kWh")
        .contains("INVALID_ARGUMENT")
        .contains("Done.");
  }
}
