package io.ysh.secrets;

/**
 * A registration made by {@link SecretStore#watch}; closing it stops the notifications.
 */
public interface SecretWatch extends AutoCloseable {

  /**
   * The watched secret's name.
   *
   * @return the name
   */
  String name();

  /** Stops notifying the listener. Idempotent; never throws. */
  @Override
  void close();
}
