package io.ysh.secrets;

/**
 * What a {@link SecretStore} can do beyond reading the latest value of a secret. Drivers declare
 * their capabilities; an operation the driver lacks fails with {@code UNSUPPORTED} and a message
 * naming the capability, never with a silent no-op. The conformance suite checks the declaration
 * both ways.
 */
public enum SecretCapability {
  /** {@link SecretStore#put} creates a secret or a new version of it. */
  PUT,
  /** {@link SecretStore#delete} removes a secret with all its versions. */
  DELETE,
  /** {@link SecretStore#list} enumerates secret names. */
  LIST,
  /** Values carry a version id and {@link SecretStore#get(String, String)} reads older versions. */
  VERSIONS,
  /** Values may be arbitrary bytes, not only UTF-8 text. */
  BINARY_VALUES
}
