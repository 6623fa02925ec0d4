package io.ysh.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriverRegistryTest {

  /** A capability's provider interface, as storage or cache define theirs. */
  public interface WidgetProvider extends DriverProvider {
    String open(ResourceUrl url);
  }

  /** Registered in META-INF/services of the test classpath. */
  public static final class MemWidgets implements WidgetProvider {
    @Override
    public Set<String> schemes() {
      return Set.of("mem");
    }

    @Override
    public String open(ResourceUrl url) {
      return "mem widget";
    }
  }

  /** A provider interface whose only registered implementation cannot be constructed. */
  public interface BrokenProvider extends DriverProvider {}

  /** Registered in META-INF/services of the test classpath; its constructor fails. */
  public static final class FailingProvider implements BrokenProvider {
    static final java.util.concurrent.atomic.AtomicInteger CONSTRUCTED = new java.util.concurrent.atomic.AtomicInteger();

    /** Counts the attempt, then fails. */
    public FailingProvider() {
      CONSTRUCTED.incrementAndGet();
      throw new IllegalStateException("broken on purpose");
    }

    @Override
    public Set<String> schemes() {
      return Set.of("broken");
    }
  }

  private static final Map<String, String> ARTIFACTS = Map.of("mem", "ysh-widget-memory", "s3", "ysh-widget-s3");

  @Test
  void findsProvidersThroughServiceLoader() {
    DriverRegistry<WidgetProvider> registry = DriverRegistry.load("widget", WidgetProvider.class, ARTIFACTS);
    assertThat(registry.schemes()).containsExactly("mem");
    assertThat(registry.forUrl(ResourceUrl.parse("mem://")).open(null)).isEqualTo("mem widget");
  }

  @Test
  void missingDriverNamesTheArtifactToAdd() {
    DriverRegistry<WidgetProvider> registry = DriverRegistry.load("widget", WidgetProvider.class, ARTIFACTS);
    assertThatThrownBy(() -> registry.forScheme("s3"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
        .hasMessageContaining("add io.ysh:ysh-widget-s3 for s3://")
        .hasMessageContaining("Schemes on the classpath: mem");
  }

  @Test
  void unknownSchemeListsWhatExists() {
    DriverRegistry<WidgetProvider> registry = DriverRegistry.load("widget", WidgetProvider.class, ARTIFACTS);
    assertThatThrownBy(() -> registry.forScheme("ftp"))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("unknown widget URL scheme 'ftp://'")
        .hasMessageContaining("mem:// (io.ysh:ysh-widget-memory)")
        .hasMessageContaining("s3:// (io.ysh:ysh-widget-s3)");
  }

  @Test
  void higherPriorityWinsAndEqualPriorityIsAnError() {
    WidgetProvider override =
        new WidgetProvider() {
          @Override
          public Set<String> schemes() {
            return Set.of("mem");
          }

          @Override
          public int priority() {
            return 10;
          }

          @Override
          public String open(ResourceUrl url) {
            return "override";
          }
        };
    DriverRegistry<WidgetProvider> registry = DriverRegistry.of("widget", ARTIFACTS, List.of(new MemWidgets(), override));
    assertThat(registry.forScheme("mem").open(null)).isEqualTo("override");

    assertThatThrownBy(() -> DriverRegistry.of("widget", ARTIFACTS, List.of(new MemWidgets(), new MemWidgets())))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
        .hasMessageContaining("same priority");
  }

  @Test
  void loadingDiscoversNothingUntilFirstUseAndDoesNotRememberAFailure() {
    int before = FailingProvider.CONSTRUCTED.get();
    DriverRegistry<BrokenProvider> registry = DriverRegistry.load("broken", BrokenProvider.class, Map.of());
    assertThat(FailingProvider.CONSTRUCTED.get()).isEqualTo(before);
    assertThat(registry.toString()).contains("not discovered yet");
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> registry.forScheme("broken"))
          .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
          .hasMessageContaining("could not be loaded");
      assertThat(FailingProvider.CONSTRUCTED.get()).isEqualTo(before + attempt);
    }
  }
}
