package io.ysh.cache;

import io.ysh.testkit.gen.NullWalker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of {@link Cache} and {@link TypedCache}: null (or empty string)
 * arguments fail with {@code INVALID_ARGUMENT} naming the argument, before the driver is reached.
 */
class CacheArgumentsTest {

  static Cache cache() {
    CacheDriver driver =
        NullWalker.unreachable(
            CacheDriver.class,
            m ->
                switch (m.getName()) {
                  case "provider" -> "fake";
                  case "errorMapper" -> ErrorMapper.defaults();
                  case "defaultPolicy" -> ResiliencePolicy.none();
                  case "close" -> NullWalker.NONE;
                  default -> null;
                });
    return Cache.builder(driver).build();
  }

  static final Map<Class<?>, Supplier<Object>> VALUES = Map.of(Codec.class, Codec::string);

  @Test
  void everyPublicMethodOfCacheRefusesNullArguments() {
    NullWalker walker = new NullWalker(VALUES, Set.of(), true).walk(Cache.class, cache(), false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
    assertThat(walker.checked()).isGreaterThan(10);
  }

  @Test
  void everyPublicMethodOfTypedCacheRefusesNullArguments() {
    NullWalker walker = new NullWalker(VALUES, Set.of(), true).walk(TypedCache.class, cache().strings(), false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
    assertThat(walker.checked()).isGreaterThan(10);
  }

  @Test
  void theBuilderRefusesNullArguments() {
    NullWalker walker = new NullWalker(VALUES, Set.of(), false).walk(Cache.Builder.class, Cache.builder("mem://"), false);
    assertThat(walker.failures()).isEmpty();
  }
}
