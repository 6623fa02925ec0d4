package io.ysh.spring.autoconfigure;

import io.ysh.cache.Codec;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Java serialization for Spring cache values, whose types the cache manager cannot know. Only for
 * a store the application trusts (its own Redis), like Spring Data Redis's default serializer.
 */
final class SerializableCodec implements Codec<Object> {

  static final SerializableCodec INSTANCE = new SerializableCodec();

  private SerializableCodec() {}

  @Override
  public byte[] encode(Object value) {
    if (!(value instanceof Serializable)) {
      throw YshException.invalidArgument("a Spring cache value must be Serializable: " + value.getClass().getName());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(value);
    } catch (NotSerializableException e) {
      throw YshException.invalidArgument("a Spring cache value holds something not Serializable: " + e.getMessage());
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot serialize a Spring cache value").cause(e).build();
    }
    return out.toByteArray();
  }

  @Override
  public Object decode(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
          try {
            return Class.forName(desc.getName(), false, loader);
          } catch (ClassNotFoundException e) {
            // fall back to the default resolution
          }
        }
        return super.resolveClass(desc);
      }
    }) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot deserialize a Spring cache value: " + e).cause(e).build();
    }
  }

  @Override
  public String name() {
    return "java-serialization";
  }
}
