package io.ysh.storage;

import io.ysh.testkit.gen.NullWalker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of {@link ObjectStorage}: every public method, given null (or an empty
 * string) for any one argument, fails with {@code INVALID_ARGUMENT} naming that argument, before
 * the driver is reached.
 */
class ObjectStorageArgumentsTest {

  static StorageDriver driver() {
    return NullWalker.unreachable(
        StorageDriver.class,
        m ->
            switch (m.getName()) {
              case "provider" -> "fake";
              case "capabilities" -> Set.of();
              case "multipartLimits" -> MultipartLimits.LOCAL;
              case "checksumPlan" -> ChecksumPlan.CRC32C_ONLY;
              case "errorMapper" -> ErrorMapper.defaults();
              case "close" -> NullWalker.NONE;
              case "unwrap" -> java.util.Optional.empty();
              default -> null;
            });
  }

  static final Map<Class<?>, Supplier<Object>> VALUES =
      Map.of(
          WriteOptions.class, WriteOptions::defaults,
          ByteRange.class, () -> ByteRange.of(0, 1),
          ListOptions.class, () -> ListOptions.prefix("p/"));

  @Test
  void everyPublicMethodRefusesNullAndEmptyArgumentsWithInvalidArgumentNamingThem() {
    ObjectStorage storage = ObjectStorage.builder(driver()).build();
    NullWalker walker =
        new NullWalker(
                VALUES,
                // documented: null page token asks for the first page; list("") lists everything;
                // signedUrl's content type is optional
                Set.of("listPage(pageToken)", "list(prefix)empty", "signedUrl(contentType)", "signedUrl(contentType)empty"),
                true)
            .walk(ObjectStorage.class, storage, false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
    assertThat(walker.checked()).isGreaterThan(40);
  }

  @Test
  void theBuilderRefusesNullsAndOutOfRangeSizesTheSameWay() {
    NullWalker walker = new NullWalker(VALUES, Set.of(), false)
        .walk(ObjectStorage.Builder.class, ObjectStorage.builder(driver()), false);
    assertThat(walker.failures()).isEmpty();
    // builder(url) defers a null or blank URL to build(), which refuses it (documented).
    NullWalker statics = new NullWalker(VALUES, Set.of("builder(url)", "builder(url)empty"), true)
        .walk(ObjectStorage.class, null, true);
    assertThat(statics.failures()).isEmpty();
  }
}
