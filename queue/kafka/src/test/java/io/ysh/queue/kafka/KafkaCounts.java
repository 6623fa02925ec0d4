package io.ysh.queue.kafka;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Broker-side counts for the tests' "nothing left" checks, on partition 0 (the tests' topics have one). */
final class KafkaCounts {

  private KafkaCounts() {}

  /** The group's committed position on partition 0 of {@code topic}, or null when it committed none. */
  static OffsetAndMetadata committed(Admin admin, String topic, String group) {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
          .get(new TopicPartition(topic, 0));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the committed offsets of " + group, e);
    }
  }

  /**
   * The records of {@code topic} the group has not acked: from its committed offset to the log
   * end, less the offsets its commit metadata lists as acked above the committed one; 0 when there
   * is no such topic.
   */
  static long messagesLeft(Admin admin, String topic, String group) {
    TopicPartition tp = new TopicPartition(topic, 0);
    long end;
    try {
      end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(tp).offset();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return 0;
      }
      throw new IllegalStateException("cannot read the end offset of " + topic, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the end offset of " + topic, e);
    }
    OffsetAndMetadata om = committed(admin, topic, group);
    if (om == null) {
      return end;
    }
    Set<Long> ackedAbove = CommitMetadata.decode(om.metadata()).acked();
    return end - om.offset() - ackedAbove.stream().filter(o -> o >= om.offset() && o < end).count();
  }
}
