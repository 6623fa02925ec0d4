package io.ysh.aneel;

import io.ysh.testkit.gen.NullWalker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.resilience.ResiliencePolicy;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of {@link AneelClient} and its builder: null (or empty string)
 * arguments fail with {@code INVALID_ARGUMENT} naming the argument, before any request (the base
 * URL points at a closed port: a request would fail differently).
 */
class AneelClientArgumentsTest {

  static final Map<Class<?>, Supplier<Object>> VALUES =
      Map.of(
          DatastoreQuery.class, () -> DatastoreQuery.builder("r1").build(),
          AneelDataset.class, () -> AneelDataset.TARIFFS,
          ComponentFilter.class, ComponentFilter::all,
          ResiliencePolicy.class, ResiliencePolicy::none,
          OkHttpClient.class, OkHttpClient::new,
          SSLSocketFactory.class, SSLSocketFactory::getDefault,
          java.security.KeyStore.class, () -> {
            try {
              java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
              ks.load(null, null);
              return ks;
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });

  @Test
  void everyPublicMethodRefusesNullAndEmptyArguments() {
    AneelClient client = AneelClient.builder().baseUrl("http://127.0.0.1:9").resilience(ResiliencePolicy.none()).build();
    NullWalker walker = new NullWalker(VALUES, Set.of(), true).walk(AneelClient.class, client, false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
    assertThat(walker.checked()).isGreaterThan(8);
  }

  @Test
  void theBuilderRefusesNullArguments() {
    NullWalker walker =
        new NullWalker(VALUES, Set.of("userAgentSuffix(suffix)", "cache(cache)"), false)
            // documented: a null suffix means none, a null cache means no cache
            .walk(AneelClient.Builder.class, AneelClient.builder(), false);
    assertThat(walker.failures()).as("checked %d calls", walker.checked()).isEmpty();
  }
}
