package io.ysh.cache;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type for {@link Codec#json(TypeToken)}: create an anonymous subclass,
 * {@code new TypeToken<Map<String, List<Order>>>() {}}.
 *
 * @param <T> the captured type
 */
public abstract class TypeToken<T> {

  private final Type type;

  /**
   * Captures the type argument of the anonymous subclass.
   *
   * @throws IllegalStateException when instantiated without a concrete type argument
   */
  protected TypeToken() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType p)) {
      throw new IllegalStateException(
          "TypeToken must be created as an anonymous subclass with a type argument: new TypeToken<List<X>>() {}");
    }
    this.type = p.getActualTypeArguments()[0];
  }

  /**
   * The captured type.
   *
   * @return the type
   */
  public final Type type() {
    return type;
  }

  @Override
  public String toString() {
    return "TypeToken[" + type.getTypeName() + "]";
  }
}
