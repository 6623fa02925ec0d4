package io.ysh.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * These tests run twice: in this module on Spring Boot 4 and in {@code spring/boot3-tests} on
 * Spring Boot 3.5. Each module's surefire sets {@code ysh.expected.boot}; this checks that the
 * Boot on the class path is the one the module claims to test.
 */
class BootLineTest {

  @Test
  void theTestsRunOnTheBootLineTheModuleNames() {
    String expected = System.getProperty("ysh.expected.boot");
    assertThat(expected).as("surefire sets ysh.expected.boot").isNotBlank();
    assertThat(SpringBootVersion.getVersion()).startsWith(expected);
  }
}
