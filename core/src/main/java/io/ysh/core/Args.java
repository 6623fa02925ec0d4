package io.ysh.core;

import java.util.Collection;

/**
 * Argument checks for public entry points: every failure is a {@link YshException} with code
 * {@link ErrorCode#INVALID_ARGUMENT} whose message names the argument, never a raw
 * {@link NullPointerException} or {@link IllegalArgumentException}. The one validation contract
 * of the SDK's portable types and domain clients.
 */
public final class Args {

  private Args() {}

  /**
   * Requires a non-null argument.
   *
   * @param value the argument
   * @param name the argument's name, as the caller knows it
   * @param <T> the argument's type
   * @return the argument
   * @throws YshException {@code INVALID_ARGUMENT} "name must not be null" when it is null
   */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw YshException.invalidArgument(name + " must not be null");
    }
    return value;
  }

  /**
   * Requires a non-null, non-empty string.
   *
   * @param value the argument
   * @param name the argument's name
   * @return the argument
   * @throws YshException {@code INVALID_ARGUMENT} naming the argument when it is null or empty
   */
  public static String notEmpty(String value, String name) {
    if (notNull(value, name).isEmpty()) {
      throw YshException.invalidArgument(name + " must not be empty");
    }
    return value;
  }

  /**
   * Requires a non-null collection without null elements.
   *
   * @param values the argument
   * @param name the argument's name
   * @param <C> the collection's type
   * @return the argument
   * @throws YshException {@code INVALID_ARGUMENT} naming the argument when it or an element is
   *     null
   */
  public static <C extends Collection<?>> C noNulls(C values, String name) {
    int i = 0;
    for (Object v : notNull(values, name)) {
      if (v == null) {
        throw YshException.invalidArgument(name + " must not contain null (element " + i + ")");
      }
      i++;
    }
    return values;
  }

  /**
   * Fails with a message naming the argument and what is wrong with it.
   *
   * @param name the argument's name
   * @param problem what is wrong, such as "must be at least 1, got 0"
   * @return the exception (not thrown)
   */
  public static YshException invalid(String name, String problem) {
    return YshException.invalidArgument(name + " " + problem);
  }
}
