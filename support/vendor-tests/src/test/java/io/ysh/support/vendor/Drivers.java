package io.ysh.support.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

/**
 * The error mappers of a vendor's drivers, and the check that they agree. A driver's mapper is the
 * {@code map(Throwable)} of its {@code <Provider>Errors} class (what its {@code errorMapper()}
 * returns), reached by reflection because those classes are package-private and opening the
 * queue drivers needs a server.
 */
final class Drivers {

  /** One driver's mapper. */
  record Driver(String name, ErrorMapper mapper) {}

  private Drivers() {}

  static Driver of(String name, String errorsClass) {
    Method map;
    try {
      map = Class.forName(errorsClass).getDeclaredMethod("map", Throwable.class);
      map.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the " + name + " driver has no " + errorsClass + ".map(Throwable)", e);
    }
    return new Driver(name, t -> {
      try {
        return (YshException) map.invoke(null, t);
      } catch (InvocationTargetException e) {
        throw new AssertionError(name + " threw instead of mapping", e.getCause());
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    });
  }

  /**
   * Feeds the same provider error (a new one per driver, from {@code error}) to every driver and
   * asserts each maps it to {@code expected}, retryable exactly when the code is by default.
   */
  static void agree(List<Driver> drivers, String what, Supplier<? extends Throwable> error, ErrorCode expected) {
    assertSoftly(soft -> {
      for (Driver d : drivers) {
        Throwable t = error.get();
        YshException y = d.mapper().map(t);
        soft.assertThat(y.code()).as("%s: %s", d.name(), what).isEqualTo(expected);
        soft.assertThat(y.isRetryable()).as("%s: %s retryable", d.name(), what).isEqualTo(expected.retryableByDefault());
        soft.assertThat(y.getCause()).as("%s: %s keeps the provider's exception", d.name(), what).isNotNull();
      }
    });
  }

  /** Asserts one driver maps an error to a code: a documented nuance of that driver. */
  static void nuance(Driver d, String what, Throwable error, ErrorCode expected) {
    assertThat(d.mapper().map(error).code()).as("%s: %s", d.name(), what).isEqualTo(expected);
  }
}
