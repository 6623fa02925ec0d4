package io.ysh.queue;

/**
 * Handles one pushed message. Returning normally acks the message (unless the handler settled it
 * itself); throwing nacks it with the subscription's backoff, so it is redelivered.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles a message.
   *
   * @param message the message
   * @throws Exception to have the message redelivered
   */
  void handle(ReceivedMessage message) throws Exception;
}
