package io.ysh.cache;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.json.Json;

/**
 * Turns typed values into the bytes a cache stores, and back.
 *
 * <p>The presets cover the common cases: {@link #string()} (UTF-8), {@link #bytes()},
 * {@link #longs()} (decimal text, the format {@link Cache#increment(String)} counters use) and
 * {@link #json(Class)} / {@link #json(TypeToken)} (core's Jackson preset, for records and
 * generic types). Implement this interface for anything else (protobuf, Kryo, compression).
 *
 * <p>Contract for implementations: {@link #encode} never returns {@code null}; {@link #decode}
 * either returns a value or throws (any runtime exception; the cache turns it into a
 * {@code INTERNAL} {@link io.ysh.core.YshException} naming the key and the codec) — it must never
 * answer {@code null} for bytes it does not understand. Both must be thread-safe and must not
 * keep or modify the arrays they are given.
 *
 * @param <V> the value type
 */
public interface Codec<V> {

  /**
   * Encodes a value.
   *
   * @param value the value, never {@code null}
   * @return its bytes, never {@code null}
   */
  byte[] encode(V value);

  /**
   * Decodes stored bytes.
   *
   * @param bytes the stored bytes, never {@code null}
   * @return the value, never {@code null}
   * @throws RuntimeException when the bytes are not a value of this codec
   */
  V decode(byte[] bytes);

  /**
   * A short name for error messages, such as {@code json(Order)}.
   *
   * @return the name
   */
  String name();

  /**
   * UTF-8 text. Decoding rejects malformed UTF-8 rather than replacing characters.
   *
   * @return the codec
   */
  static Codec<String> string() {
    return Codecs.STRING;
  }

  /**
   * Raw bytes. Arrays are copied in both directions, so callers may reuse or modify theirs.
   *
   * @return the codec
   */
  static Codec<byte[]> bytes() {
    return Codecs.BYTES;
  }

  /**
   * A {@code long} as decimal ASCII text ({@code "42"}), the representation Redis counters use,
   * so values written by {@link Cache#increment(String, long)} can be read with it.
   *
   * @return the codec
   */
  static Codec<Long> longs() {
    return Codecs.LONGS;
  }

  /**
   * JSON through core's shared Jackson preset ({@link Json#mapper()}).
   *
   * @param <V> the value type
   * @param type the value class, for example a record
   * @return the codec
   */
  static <V> Codec<V> json(Class<V> type) {
    Args.notNull(type, "type");
    ObjectMapper mapper = Json.mapper();
    return new Codecs.JsonCodec<>(mapper, mapper.constructType(type), type.getSimpleName());
  }

  /**
   * JSON of a generic type through core's shared Jackson preset, for example
   * {@code Codec.json(new TypeToken<List<Order>>() {})}.
   *
   * @param <V> the value type
   * @param type the captured type
   * @return the codec
   */
  static <V> Codec<V> json(TypeToken<V> type) {
    Args.notNull(type, "type");
    ObjectMapper mapper = Json.mapper();
    JavaType javaType = mapper.constructType(type.type());
    return new Codecs.JsonCodec<>(mapper, javaType, javaType.toCanonical());
  }

  /**
   * JSON with a mapper of your own.
   *
   * @param <V> the value type
   * @param mapper the Jackson mapper; it must not be reconfigured afterwards
   * @param type the value type
   * @return the codec
   */
  static <V> Codec<V> json(ObjectMapper mapper, JavaType type) {
    Args.notNull(mapper, "mapper");
    Args.notNull(type, "type");
    return new Codecs.JsonCodec<>(mapper, type, type.toCanonical());
  }
}
