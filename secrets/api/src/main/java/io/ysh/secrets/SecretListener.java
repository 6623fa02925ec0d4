package io.ysh.secrets;

/**
 * Called by {@link SecretStore#watch} when a secret gets a new version (rotation).
 */
@FunctionalInterface
public interface SecretListener {

  /**
   * A new version of the watched secret appeared. Called on the store's background thread, one
   * call at a time per store; a listener that throws is logged (without the value) and keeps
   * being called for later rotations.
   *
   * @param current the new current value
   */
  void onRotation(SecretValue current);
}
