package io.ysh.secrets;

import io.ysh.testkit.gen.NullWalker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.spi.SecretDriver;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of {@link SecretStore}: null (or empty string) arguments fail with
 * {@code INVALID_ARGUMENT} naming the argument, before the driver is reached.
 */
class SecretStoreArgumentsTest {

  static SecretStore store() {
    SecretDriver driver =
        NullWalker.unreachable(
            SecretDriver.class,
            m ->
                switch (m.getName()) {
                  case "provider" -> "fake";
                  case "capabilities" -> Set.of();
                  case "errorMapper" -> ErrorMapper.defaults();
                  case "close", "validateName" -> NullWalker.NONE;
                  default -> null;
                });
    return SecretStore.builder(driver).build();
  }

  static final Map<Class<?>, Supplier<Object>> VALUES =
      Map.of(SecretCachePolicy.class, () -> SecretCachePolicy.builder().build(), SecretStore.class, SecretStoreArgumentsTest::store);

  @Test
  void everyPublicMethodRefusesNullArguments() {
    NullWalker walker =
        new NullWalker(
                VALUES,
                // documented: list(prefix) takes "" or null for every name
                Set.of("put(value)empty", "list(prefix)", "list(prefix)empty", "listPage(prefix)", "listPage(prefix)empty", "listPage(pageToken)"),
                true)
            .walk(SecretStore.class, store(), false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
    assertThat(walker.checked()).isGreaterThan(10);
  }

  @Test
  void theStaticEntryPointsAndTheBuilderRefuseNullArguments() {
    NullWalker statics = new NullWalker(VALUES, Set.of("builder(url)", "builder(url)empty"), true).walk(SecretStore.class, null, true);
    assertThat(statics.failures()).isEmpty();
    NullWalker builder = new NullWalker(VALUES, Set.of(), false).walk(SecretStore.Builder.class, SecretStore.builder("env://"), false);
    assertThat(builder.failures()).isEmpty();
  }
}
