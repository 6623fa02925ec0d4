package io.ysh.queue.rabbitmq;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.AMQP;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;
import java.util.concurrent.TimeoutException;

/** Maps amqp-client exceptions to portable errors. */
final class RabbitMqErrors {

  private RabbitMqErrors() {}

  static YshException map(Throwable t) {
    Throwable c = t;
    for (int i = 0; c != null && i < 5; i++, c = c.getCause()) {
      if (c instanceof YshException y) {
        return y;
      }
      if (c instanceof AuthenticationFailureException || c instanceof PossibleAuthenticationFailureException) {
        return build(ErrorCode.UNAUTHENTICATED, "RabbitMQ refused the credentials", t);
      }
      if (c instanceof ShutdownSignalException s) {
        Method reason = s.getReason();
        int code = reason instanceof AMQP.Channel.Close cc ? cc.getReplyCode()
            : reason instanceof AMQP.Connection.Close xc ? xc.getReplyCode() : 0;
        String text = reason instanceof AMQP.Channel.Close cc ? cc.getReplyText()
            : reason instanceof AMQP.Connection.Close xc ? xc.getReplyText() : String.valueOf(s.getMessage());
        switch (code) {
          case 404:
            return build(ErrorCode.NOT_FOUND, text, t);
          case 403:
            return build(ErrorCode.PERMISSION_DENIED, text, t);
          case 406:
            return build(ErrorCode.PRECONDITION_FAILED, text, t);
          case 530:
            return build(ErrorCode.NOT_FOUND, text, t);
          case 311:
            return build(ErrorCode.INVALID_ARGUMENT, text, t);
          default:
            if (c instanceof AlreadyClosedException) {
              return YshException.builder(ErrorCode.UNAVAILABLE).detail("RabbitMQ channel closed: " + text).retryable(true).cause(t).build();
            }
            return YshException.builder(ErrorCode.UNAVAILABLE).detail("RabbitMQ closed the channel: " + text).retryable(true).cause(t).build();
        }
      }
      if (c instanceof TimeoutException) {
        return YshException.builder(ErrorCode.TIMEOUT).detail("RabbitMQ did not confirm in time").retryable(true).cause(t).build();
      }
    }
    return Errors.classify(t);
  }

  private static YshException build(ErrorCode code, String detail, Throwable cause) {
    return YshException.builder(code).detail(detail).cause(cause).build();
  }

  static <T> T open(RabbitMqQueueDriverProvider.Settings s, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("rabbitmq").resource(s.vhost + "/" + s.queue).build();
    }
  }
}
