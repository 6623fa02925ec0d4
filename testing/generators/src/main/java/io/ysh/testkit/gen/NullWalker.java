package io.ysh.testkit.gen;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Walks the public methods of a type by reflection, calls each with one reference argument set
 * to null (and, for strings, empty) and every other argument valid, and reports each call that
 * does not fail with {@code YshException(INVALID_ARGUMENT)} naming the parameter: the SDK's
 * validation contract, checked per portable type and domain client.
 *
 * <p>This module depends on QuickTheories alone, so that core's own tests can use it too; the
 * walker therefore recognises {@code io.ysh.core.YshException} and makes {@code io.ysh.core.Secret}
 * values by name, through reflection.
 */
public final class NullWalker {

  private final Map<Class<?>, Supplier<Object>> values;
  private final Set<String> allowed;
  private final boolean emptyStrings;
  private final List<String> failures = new ArrayList<>();
  private int checked;

  /**
   * A walker.
   *
   * @param values valid values by parameter type, on top of the built-in ones
   * @param allowed "method(paramName)" entries documented to accept null
   * @param emptyStrings whether empty strings must be refused too
   */
  public NullWalker(Map<Class<?>, Supplier<Object>> values, Set<String> allowed, boolean emptyStrings) {
    this.values = values;
    this.allowed = allowed;
    this.emptyStrings = emptyStrings;
  }

  /**
   * A proxy for an interface whose every call fails the test: the argument check came too late.
   *
   * @param <T> the interface
   * @param type the interface
   * @param answers what a call returns instead of failing: non-null to answer ({@link #NONE} for
   *     null), null to fail
   * @return the proxy
   */
  @SuppressWarnings("unchecked")
  public static <T> T unreachable(Class<T> type, Function<Method, Object> answers) {
    InvocationHandler h =
        (proxy, m, args) -> {
          if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
              case "toString" -> "unreachable " + type.getSimpleName();
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> null;
            };
          }
          Object a = answers.apply(m);
          if (a != null) {
            return a == NONE ? null : a;
          }
          if (m.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, m, args);
          }
          throw new AssertionError("reached " + type.getSimpleName() + "." + m.getName() + " before the arguments were checked");
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  /** Returned by an answer function to make the proxy return null. */
  public static final Object NONE = new Object();

  /**
   * Walks every public instance (or, with statics, static) method of {@code type} declared on it.
   *
   * @param type the type whose methods are called
   * @param target the instance to call them on (null for statics)
   * @param statics whether to walk the static methods instead of the instance ones
   * @return this walker, for {@link #failures()}
   */
  public NullWalker walk(Class<?> type, Object target, boolean statics) {
    for (Method m : type.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
          || Modifier.isStatic(m.getModifiers()) != statics) {
        continue;
      }
      Parameter[] ps = m.getParameters();
      for (int i = 0; i < ps.length; i++) {
        if (ps[i].getType().isPrimitive()) {
          continue;
        }
        String id = m.getName() + "(" + ps[i].getName() + ")";
        if (!allowed.contains(id)) {
          check(type, target, m, i, null, id + " with null");
        }
        if (emptyStrings && ps[i].getType() == String.class && !allowed.contains(id + "empty")) {
          check(type, target, m, i, "", id + " with \"\"");
        }
      }
    }
    return this;
  }

  private void check(Class<?> type, Object target, Method m, int index, Object bad, String what) {
    Object[] args = new Object[m.getParameterCount()];
    for (int j = 0; j < args.length; j++) {
      args[j] = j == index ? bad : value(m.getParameters()[j].getType());
    }
    checked++;
    String name = m.getParameters()[index].getName();
    try {
      Object result = m.invoke(target, args);
      // An asynchronous method documented to report bad input through its future.
      if (result instanceof java.util.concurrent.CompletableFuture<?> f && f.isCompletedExceptionally()) {
        Throwable t = f.handle((v, x) -> x).join();
        t = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        judge(type, what, name, t);
        return;
      }
      failures.add(type.getSimpleName() + "." + what + ": returned normally");
    } catch (InvocationTargetException e) {
      judge(type, what, name, e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private void judge(Class<?> type, String what, String name, Throwable t) {
    {
      if (!isInvalidArgument(t)) {
        failures.add(type.getSimpleName() + "." + what + ": threw " + t);
      } else if (!t.getMessage().toLowerCase().contains(words(name))) {
        failures.add(type.getSimpleName() + "." + what + ": message does not name '" + name + "': " + t.getMessage());
      }
    }
  }

  private static boolean isInvalidArgument(Throwable t) {
    if (t == null || !t.getClass().getName().equals("io.ysh.core.YshException")) {
      return false;
    }
    try {
      Object code = t.getClass().getMethod("code").invoke(t);
      return code instanceof Enum<?> e && e.name().equals("INVALID_ARGUMENT");
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("io.ysh.core.YshException has no code(): " + e, e);
    }
  }

  // "pageToken" is named as "page token" or "pagetoken" in messages; compare on the first word.
  private static String words(String name) {
    String first = name.split("(?=[A-Z])")[0];
    return first.toLowerCase();
  }

  private Object value(Class<?> t) {
    Supplier<Object> s = values.get(t);
    if (s != null) {
      return s.get();
    }
    if (t == String.class) {
      return "k1";
    }
    if (t == long.class) {
      return 1L;
    }
    if (t == int.class) {
      return 1;
    }
    if (t == boolean.class) {
      return false;
    }
    if (t == double.class) {
      return 1.0;
    }
    if (t == byte[].class) {
      return new byte[] {1};
    }
    if (t == InputStream.class) {
      return new ByteArrayInputStream(new byte[] {1});
    }
    if (t == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (t == Instant.class) {
      return Instant.now();
    }
    if (t == Path.class) {
      return Path.of("target", "null-walker-file");
    }
    if (t == Class.class) {
      return String.class;
    }
    if (t == Optional.class) {
      return Optional.empty();
    }
    if (t == List.class || t == Collection.class) {
      return List.of("k1");
    }
    if (t == Set.class) {
      return Set.of("k1");
    }
    if (t == Map.class) {
      return Map.of("k1", "v1");
    }
    if (t.getName().equals("io.ysh.core.Secret")) {
      try {
        return t.getMethod("of", String.class).invoke(null, "v1");
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("io.ysh.core.Secret has no of(String): " + e, e);
      }
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    if (t.isInterface()) {
      return unreachable(t, m -> NONE);
    }
    if (t == Object.class) {
      return "v1";
    }
    throw new AssertionError("no valid value for " + t.getName() + "; add one to the walker's values");
  }

  /**
   * How many calls were made.
   *
   * @return the count
   */
  public int checked() {
    return checked;
  }

  /**
   * Every call that broke the contract.
   *
   * @return one line per call
   */
  public List<String> failures() {
    return failures;
  }
}
