package io.ysh.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Function;

/**
 * A credential (password, token, API key, secret id) that never shows its value by accident.
 *
 * <p>{@link #toString()} always answers {@code Secret[****]} (or {@code Secret[name=****]} for
 * a named secret), so a secret placed in a log statement, an exception message, a record's
 * {@code toString} or a metric tag prints nothing useful to an attacker. The value is only
 * available through {@link #reveal()} / {@link #revealBytes()}, which makes every use greppable.
 *
 * <p>Equality compares values in constant time. The bytes are copied on the way in and out,
 * so callers cannot mutate a secret after creating it. Immutable and thread-safe.
 */
public final class Secret {

  private static final String MASK = "****";

  private final byte[] value;
  private final String name;

  private Secret(byte[] value, String name) {
    this.value = value;
    this.name = name;
  }

  /**
   * Wraps a textual credential.
   *
   * @param value the credential, not null (may be empty)
   * @return a secret holding a copy of the UTF-8 bytes of {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    return new Secret(value.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * Wraps a binary credential.
   *
   * @param value the credential bytes, copied
   * @return a secret
   * @throws NullPointerException if {@code value} is null
   */
  public static Secret ofBytes(byte[] value) {
    Objects.requireNonNull(value, "secret value");
    return new Secret(value.clone(), null);
  }

  /**
   * Returns a copy of this secret carrying a name that {@link #toString()} may show, such as
   * {@code asaas.apiKey}. The name must not itself be sensitive.
   *
   * @param name a non-sensitive label
   * @return a named copy
   */
  public Secret named(String name) {
    return new Secret(value, Objects.requireNonNull(name, "name"));
  }

  /**
   * The credential as text (decoded as UTF-8).
   *
   * @return the value
   * @throws YshException {@link ErrorCode#INVALID_ARGUMENT} if the bytes are not valid UTF-8;
   *     use {@link #revealBytes()} for binary secrets
   */
  public String reveal() {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw YshException.invalidArgument(
          "secret " + (name == null ? "" : name + " ") + "is binary, not UTF-8 text: use revealBytes()");
    }
  }

  /**
   * A copy of the credential's bytes. Callers should clear the array when done.
   *
   * @return the value's bytes
   */
  public byte[] revealBytes() {
    return value.clone();
  }

  /**
   * Applies a function to the revealed text, for one-shot uses such as building a header.
   *
   * @param <T> the result type
   * @param use what to do with the value
   * @return the function's result
   */
  public <T> T map(Function<String, T> use) {
    return use.apply(reveal());
  }

  /**
   * Whether the secret is empty.
   *
   * @return true when the value has no bytes
   */
  public boolean isEmpty() {
    return value.length == 0;
  }

  /**
   * Compares the values in constant time.
   *
   * @param other another secret or a plain string (compared as UTF-8)
   * @return true when the values are equal
   */
  public boolean matches(String other) {
    return other != null
        && MessageDigest.isEqual(value, other.getBytes(StandardCharsets.UTF_8));
  }

  /** Equal when the values are equal (compared in constant time); the name is ignored. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigest.isEqual(value, s.value);
  }

  /** A constant, so hash tables do not leak anything about the value. */
  @Override
  public int hashCode() {
    return 0x5ec7e7;
  }

  /** Never the value: {@code Secret[****]} or {@code Secret[name=****]}. */
  @Override
  public String toString() {
    return name == null ? "Secret[" + MASK + "]" : "Secret[" + name + "=" + MASK + "]";
  }

}
