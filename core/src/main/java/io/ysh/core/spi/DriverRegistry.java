package io.ysh.core.spi;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finds the driver for a URL scheme among the {@link DriverProvider}s on the classpath.
 *
 * <p>Each capability keeps one registry, in a constant of its portable type:
 *
 * <pre>{@code
 * private static final DriverRegistry<StorageDriverProvider> REGISTRY =
 *     DriverRegistry.load("storage", StorageDriverProvider.class, ARTIFACTS);
 * }</pre>
 *
 * <p>It knows which Maven artifact provides each scheme the SDK supports, so a URL whose driver is
 * missing fails with an error that says what to add:
 * {@code no storage driver for s3:// on the classpath: add io.ysh:ysh-storage-s3}. A registry from
 * {@link #load} discovers its providers on first use (not when the constant is initialised), with
 * the provider interface's class loader and then the thread's context class loader (for
 * application servers and plugin systems), and keeps them; a discovery that fails is tried again
 * by the next call instead of being remembered. Thread-safe.
 *
 * @param <P> the capability's provider type
 */
public final class DriverRegistry<P extends DriverProvider> {

  private final String capability;
  private final Map<String, String> artifactsByScheme;
  private final Supplier<List<P>> discovery;
  private volatile Map<String, P> providers;

  private DriverRegistry(String capability, Map<String, String> artifactsByScheme, Supplier<List<P>> discovery) {
    this.capability = Objects.requireNonNull(capability, "capability");
    this.artifactsByScheme =
        Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(artifactsByScheme, "artifactsByScheme")));
    this.discovery = discovery;
  }

  /**
   * Discovers the providers of a capability with {@link ServiceLoader}.
   *
   * @param <P> the provider type
   * @param capability the capability's name for messages, such as {@code storage}
   * @param type the provider interface listed in {@code META-INF/services}
   * @param artifactsByScheme for each scheme the SDK supports, the artifact id that provides it
   *     (such as {@code s3 → ysh-storage-s3})
   * @return the registry; its first {@link #forUrl}, {@link #forScheme} or {@link #schemes} call
   *     discovers the providers and throws {@code INTERNAL} when one cannot be instantiated or two
   *     claim one scheme with the same priority
   */
  public static <P extends DriverProvider> DriverRegistry<P> load(
      String capability, Class<P> type, Map<String, String> artifactsByScheme) {
    Objects.requireNonNull(type, "type");
    return new DriverRegistry<>(capability, artifactsByScheme, () -> discover(capability, type));
  }

  private static <P extends DriverProvider> List<P> discover(String capability, Class<P> type) {
    List<P> found = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(type.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != type.getClassLoader()) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      try {
        for (P p : ServiceLoader.load(type, loader)) {
          if (seen.add(p.getClass())) {
            found.add(p);
          }
        }
      } catch (ServiceConfigurationError e) {
        throw YshException.builder(ErrorCode.INTERNAL)
            .operation(capability + ".open")
            .detail("a " + capability + " driver on the classpath could not be loaded: " + e.getMessage())
            .cause(e)
            .build();
      }
    }
    return found;
  }

  /**
   * Builds a registry from explicit providers, without {@link ServiceLoader}; for tests and
   * for applications that wire drivers by hand.
   *
   * @param <P> the provider type
   * @param capability the capability's name for messages
   * @param artifactsByScheme the artifact id for each scheme the SDK supports
   * @param providers the providers
   * @return the registry
   * @throws YshException {@code INTERNAL} when two providers claim one scheme with the same priority
   */
  public static <P extends DriverProvider> DriverRegistry<P> of(
      String capability, Map<String, String> artifactsByScheme, List<? extends P> providers) {
    List<P> copy = List.copyOf(providers);
    DriverRegistry<P> registry = new DriverRegistry<>(capability, artifactsByScheme, () -> copy);
    registry.providers();
    return registry;
  }

  /** The providers by scheme, discovered on the first call. */
  private Map<String, P> providers() {
    Map<String, P> p = providers;
    if (p == null) {
      synchronized (this) {
        p = providers;
        if (p == null) {
          p = byScheme(discovery.get());
          providers = p;
        }
      }
    }
    return p;
  }

  private Map<String, P> byScheme(List<P> found) {
    Map<String, P> byScheme = new LinkedHashMap<>();
    for (P p : found) {
      for (String scheme : p.schemes()) {
        P previous = byScheme.get(scheme);
        if (previous == null || p.priority() > previous.priority()) {
          byScheme.put(scheme, p);
        } else if (p.priority() == previous.priority()) {
          throw YshException.builder(ErrorCode.INTERNAL)
              .operation(capability + ".open")
              .detail("two " + capability + " drivers claim " + scheme + ":// with the same priority: "
                  + previous.getClass().getName() + " and " + p.getClass().getName()
                  + "; remove one from the classpath or raise one's priority()")
              .build();
        }
      }
    }
    return Collections.unmodifiableMap(byScheme);
  }

  /**
   * The provider for a URL's scheme.
   *
   * @param url the parsed URL
   * @return the provider
   * @throws YshException {@code INVALID_ARGUMENT} for a scheme no driver and no SDK artifact
   *     knows, {@code UNSUPPORTED} when the driver exists but is not on the classpath; both
   *     messages list the schemes available and name the artifact to add
   */
  public P forUrl(ResourceUrl url) {
    return forScheme(Objects.requireNonNull(url, "url").scheme());
  }

  /**
   * The provider for a scheme.
   *
   * @param scheme the scheme, such as {@code s3}
   * @return the provider
   * @throws YshException as {@link #forUrl(ResourceUrl)}
   */
  public P forScheme(String scheme) {
    Map<String, P> providers = providers();
    P p = providers.get(scheme);
    if (p != null) {
      return p;
    }
    String available =
        providers.isEmpty() ? "none" : String.join(", ", new TreeSet<>(providers.keySet()));
    String artifact = artifactsByScheme.get(scheme);
    if (artifact != null) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .operation(capability + ".open")
          .detail(
              "no "
                  + capability
                  + " driver for "
                  + scheme
                  + ":// on the classpath: add io.ysh:"
                  + artifact
                  + " for "
                  + scheme
                  + "://. Schemes on the classpath: "
                  + available)
          .build();
    }
    StringBuilder known = new StringBuilder();
    artifactsByScheme.forEach(
        (s, a) -> known.append(known.length() == 0 ? "" : ", ").append(s).append(":// (io.ysh:").append(a).append(')'));
    throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
        .operation(capability + ".open")
        .detail(
            "unknown "
                + capability
                + " URL scheme '"
                + scheme
                + "://'. Schemes on the classpath: "
                + available
                + (known.length() == 0 ? "" : "; schemes the SDK provides: " + known))
        .build();
  }

  /**
   * The schemes whose drivers are on the classpath.
   *
   * @return the schemes, sorted
   */
  public Set<String> schemes() {
    return Collections.unmodifiableSet(new TreeSet<>(providers().keySet()));
  }

  @Override
  public String toString() {
    Map<String, P> p = providers;
    return "DriverRegistry[" + capability + ": " + (p == null ? "not discovered yet" : new TreeSet<>(p.keySet())) + "]";
  }
}
