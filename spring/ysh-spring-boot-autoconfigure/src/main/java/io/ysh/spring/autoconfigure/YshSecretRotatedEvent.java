package io.ysh.spring.autoconfigure;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a secret imported with {@code spring.config.import=ysh-secrets:} was rotated and
 * its property now holds the new value. Beans that copied the old value at start-up (a
 * {@code @Value} field, a connection pool) listen for it to pick up the new one. Carries names
 * only, never the value.
 */
public final class YshSecretRotatedEvent extends ApplicationEvent {

  private static final long serialVersionUID = 1L;

  /** The property that changed. */
  private final String property;

  /** The rotated secret's name in the store. */
  private final String secretName;

  /**
   * Creates the event.
   *
   * @param source who publishes it
   * @param property the property that changed, such as {@code db.password}
   * @param secretName the secret's name in the store, such as {@code db/password}
   */
  public YshSecretRotatedEvent(Object source, String property, String secretName) {
    super(source);
    this.property = property;
    this.secretName = secretName;
  }

  /**
   * The property that changed.
   *
   * @return its name
   */
  public String property() {
    return property;
  }

  /**
   * The rotated secret's name in the store.
   *
   * @return the name
   */
  public String secretName() {
    return secretName;
  }

  @Override
  public String toString() {
    return "YshSecretRotatedEvent[" + property + " <- " + secretName + "]";
  }
}
