package io.ysh.queue.kafka;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;

/** Maps kafka-clients exceptions to portable errors. */
final class KafkaErrors {

  private KafkaErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof YshException y) {
      return y;
    }
    if ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      return map(t.getCause());
    }
    if (t instanceof org.apache.kafka.common.errors.ApiException
        || t instanceof KafkaException) {
      ErrorCode code;
      boolean retryable = false;
      if (t instanceof UnknownTopicOrPartitionException) {
        code = ErrorCode.NOT_FOUND;
      } else if (t instanceof AuthenticationException) {
        code = ErrorCode.UNAUTHENTICATED;
      } else if (t instanceof AuthorizationException) {
        code = ErrorCode.PERMISSION_DENIED;
      } else if (t instanceof TimeoutException) {
        code = ErrorCode.TIMEOUT;
        retryable = true;
      } else if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
          || t instanceof InvalidTopicException || t instanceof InvalidConfigurationException
          || t instanceof InvalidPartitionsException || t instanceof InvalidReplicationFactorException
          || t instanceof InvalidRequestException || t instanceof SerializationException) {
        code = ErrorCode.INVALID_ARGUMENT;
      } else if (t instanceof TopicExistsException) {
        code = ErrorCode.ALREADY_EXISTS;
      } else if (t instanceof UnsupportedVersionException) {
        code = ErrorCode.UNSUPPORTED;
      } else if (t instanceof InterruptException || t instanceof WakeupException) {
        code = ErrorCode.CANCELLED;
      } else if (t instanceof RetriableException) {
        code = ErrorCode.UNAVAILABLE;
        retryable = true;
      } else if (t.getCause() != null && !(t.getCause() instanceof KafkaException)) {
        YshException inner = Errors.classify(t.getCause());
        return inner.toBuilder().detail("Kafka: " + t.getMessage()).cause(t).build();
      } else {
        code = ErrorCode.UNKNOWN;
      }
      return YshException.builder(code).detail("Kafka " + t.getClass().getSimpleName() + ": " + t.getMessage()).retryable(retryable).cause(t).build();
    }
    return Errors.classify(t);
  }

  static YshException open(KafkaSettings s, Throwable t) {
    return map(t).toBuilder().operation("queue.open").provider("kafka").resource(s.topic).build();
  }

  static YshException notFound(KafkaSettings s, String topic) {
    return YshException.builder(ErrorCode.NOT_FOUND).operation("queue.open").provider("kafka").resource(topic)
        .detail("no Kafka topic named " + topic + " (create=false)").build();
  }
}
