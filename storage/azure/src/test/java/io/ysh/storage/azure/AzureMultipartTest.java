package io.ysh.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.ObjectWriter;
import io.ysh.storage.WriteOptions;
import io.ysh.testkit.server.azure.Azurite;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Multipart uploads on Azure are blocks staged on the blob's name and committed as a list: two
 * uploads to one key must not take each other's blocks, and an aborted upload must not leave its
 * blocks behind (nor touch anything it did not stage). Against Azurite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureMultipartTest {

  private static final int PART = 1 << 20;

  private ObjectStorage storage;
  private BlobContainerClient container;

  @BeforeAll
  void start() {
    String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
        .endpoint(Azurite.blobEndpoint()).container(name).build();
    container = driver.unwrap(BlobContainerClient.class).orElseThrow();
    container.create();
    storage = ObjectStorage.builder(driver).partSize(PART).telemetry(Telemetry.noop())
        .resilience(ResiliencePolicy.none()).build();
  }

  @AfterAll
  void stop() {
    storage.close();
  }

  private static byte[] filled(int size, int value) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private int blobsWithUncommittedBlocks(String prefix) {
    int n = 0;
    for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix)
        .setDetails(new BlobListDetails().setRetrieveUncommittedBlobs(true)), null)) {
      n += container.getBlobClient(item.getName()).getBlockBlobClient().listBlocks(BlockListType.UNCOMMITTED)
          .getUncommittedBlocks().isEmpty() ? 0 : 1;
    }
    return n;
  }

  @Test
  void interleavedUploadsToOneKeyNeverTakeEachOthersBlocks() throws IOException {
    String key = "interleaved/" + UUID.randomUUID();
    byte[] a = new byte[2 * PART];
    byte[] b = new byte[2 * PART];
    System.arraycopy(filled(PART, 'a'), 0, a, 0, PART);
    System.arraycopy(filled(PART, 'A'), 0, a, PART, PART);
    System.arraycopy(filled(PART, 'b'), 0, b, 0, PART);
    System.arraycopy(filled(PART, 'B'), 0, b, PART, PART);
    ObjectWriter writerA = storage.openWriter(key, WriteOptions.defaults());
    ObjectWriter writerB = storage.openWriter(key, WriteOptions.defaults());
    writerA.write(a, 0, PART);
    writerB.write(b, 0, PART);
    writerA.write(a, PART, PART); // stages A's part 1
    writerB.write(b, PART, PART); // stages B's part 1: with shared block ids, over A's
    writerA.close(); // stages A's part 2, commits A's list
    assertThat(storage.getBytes(key)).as("what A committed is A's object").isEqualTo(a);
    // Parts are staged concurrently (transferConcurrency), so B's part 1 may land before A's commit
    // (Azure then drops it with A's uncommitted blocks, and B must fail, retryably, writing nothing)
    // or after it (B then commits its own two blocks). Either way the object is never a mixture.
    Throwable t = catchThrowable(writerB::close);
    if (t == null) {
      assertThat(storage.getBytes(key)).as("B committed its own blocks only").isEqualTo(b);
    } else {
      assertThat(t).isInstanceOf(IOException.class).cause().isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
      });
      assertThat(storage.getBytes(key)).isEqualTo(a);
      storage.put(key, b); // B's retry
      assertThat(storage.getBytes(key)).isEqualTo(b);
    }
    assertThat(blobsWithUncommittedBlocks("interleaved/")).isZero();
  }

  @Test
  void anAbortedUploadLeavesNoBlocksBehind() throws IOException {
    String key = "aborted/" + UUID.randomUUID();
    ObjectWriter writer = storage.openWriter(key, WriteOptions.defaults());
    writer.write(filled(2 * PART + 10, 1));
    // parts are staged concurrently (transferConcurrency): the write returns before they land
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (blobsWithUncommittedBlocks("aborted/") == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(blobsWithUncommittedBlocks("aborted/")).as("parts are staged as blocks").isEqualTo(1);
    writer.abort();
    assertThat(blobsWithUncommittedBlocks("aborted/")).isZero();
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void abortingNeverTouchesACommittedObjectNorAnotherUploadsBlocks() throws IOException {
    String key = "kept/" + UUID.randomUUID();
    byte[] old = filled(1000, 'o');
    storage.put(key, old);
    ObjectWriter replacing = storage.openWriter(key, WriteOptions.defaults());
    replacing.write(filled(2 * PART + 10, 2));
    replacing.abort();
    assertThat(storage.getBytes(key)).as("the object the upload would have replaced").isEqualTo(old);

    String fresh = "shared/" + UUID.randomUUID();
    ObjectWriter survivor = storage.openWriter(fresh, WriteOptions.defaults());
    ObjectWriter quitter = storage.openWriter(fresh, WriteOptions.defaults());
    byte[] data = filled(2 * PART + 10, 3);
    survivor.write(data);
    quitter.write(filled(2 * PART + 10, 4));
    quitter.abort();
    survivor.close();
    assertThat(storage.getBytes(fresh)).isEqualTo(data);
  }
}
