package io.ysh.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that handles the messages of a configured subscription
 * ({@code ysh.queue.subscriptions.<name>.url}). The method takes one parameter, the
 * {@link io.ysh.queue.ReceivedMessage} or its body as a {@link String}. Returning acks the
 * message, throwing nacks it for redelivery.
 *
 * <p>The listener starts after the context is refreshed and stops before the subscription is
 * closed, waiting up to {@code ysh.queue.listeners.<name>.drain-timeout} for messages in hand; at
 * most {@code ysh.queue.listeners.<name>.max-concurrency} messages (default 1) are handled at once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface YshListener {

  /**
   * The subscription's name under {@code ysh.queue.subscriptions}.
   *
   * @return the name
   */
  String value();
}
