package io.ysh.queue.azure;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueStorageException;
import io.ysh.testkit.server.azure.Azurite;

/** Broker-side counts for the tests' "nothing left" checks: a queue's message count includes invisible messages. */
final class AzureCounts {

  private AzureCounts() {}

  /** A raw client for Azurite's queue service at {@code endpoint}. */
  static QueueServiceClient client(String endpoint) {
    return new QueueServiceClientBuilder().endpoint(endpoint)
        .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).buildClient();
  }

  /** Visible and invisible messages of {@code queue}; 0 when there is no such queue. */
  static long messagesLeft(QueueServiceClient raw, String queue) {
    try {
      return raw.getQueueClient(queue).getProperties().getApproximateMessagesCountLong();
    } catch (QueueStorageException e) {
      if (e.getStatusCode() == 404) {
        return 0;
      }
      throw e;
    }
  }
}
