package io.ysh.queue.pubsub;

import io.ysh.core.YshException;
import io.ysh.support.gcp.GcpSdkErrors;

/**
 * Maps Pub/Sub failures by the rules every GCP driver shares ({@link GcpSdkErrors}: the gRPC
 * status, as {@link io.ysh.core.Errors#forGrpcStatus(String)} documents). Pub/Sub's status
 * messages name resources, never message contents.
 */
final class PubSubErrors {

  private PubSubErrors() {}

  static YshException map(Throwable t) {
    return GcpSdkErrors.map("Pub/Sub", t);
  }

  /** Runs an opening step, mapping its failure and naming the resource. */
  static <T> T open(String resource, io.ysh.core.spi.ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw map(e).toBuilder().operation("queue.open").provider(PubSubQueueDriverProvider.PROVIDER).resource(resource).build();
    }
  }
}
