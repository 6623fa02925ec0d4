package io.ysh.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ObjectStorage;
import io.ysh.testkit.server.azure.Azurite;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deleteAll} through Blob Batch, against Azurite: more keys than one batch takes, keys that
 * need encoding, and a sub-request that fails (a leased blob) reported for its key alone.
 */
class AzureBatchDeleteTest {

  private ObjectStorage storage;
  private BlobContainerClient container;

  @BeforeEach
  void setUp() {
    String name = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
        .endpoint(Azurite.blobEndpoint()).container(name).build();
    container = driver.unwrap(BlobContainerClient.class).orElseThrow();
    container.create();
    storage = ObjectStorage.builder(driver).build();
  }

  @AfterEach
  void tearDown() {
    container.delete();
    storage.close();
  }

  private List<String> keys() {
    return storage.list("").map(ListEntry::key).collect(Collectors.toList());
  }

  @Test
  void deletesMoreKeysThanOneBatchTakesIncludingAwkwardAndMissingOnes() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < AzureStorageDriver.MAX_BATCH + 44; i++) {
      keys.add("many/" + i);
    }
    keys.addAll(List.of("with space", "plus+sign", "percent%20encoded", "percent%", "acentuação/çãé", "日本語/キー",
        "hash#tag", "question?mark"));
    for (String k : keys) {
      storage.put(k, new byte[] {1});
    }
    storage.put("keep", new byte[] {2});
    keys.add("never-existed");
    storage.deleteAll(keys);
    assertThat(keys()).containsExactly("keep");
  }

  @Test
  void aFailedSubRequestIsReportedForItsKeyAndTheOthersAreDeleted() {
    for (String k : List.of("a", "leased", "c")) {
      storage.put(k, new byte[] {1});
    }
    BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(container.getBlobClient("leased")).buildClient();
    lease.acquireLease(-1); // a leased blob refuses a delete without its lease id
    try {
      Throwable t = catchThrowable(() -> storage.deleteAll(List.of("a", "leased", "c")));
      assertThat(t).isInstanceOfSatisfying(YshException.class, e -> {
        assertThat(e.resource()).contains("leased");
        assertThat(e.getMessage()).contains("1 of 3 deletions failed");
        assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
      });
      assertThat(keys()).containsExactly("leased");
    } finally {
      lease.breakLease();
    }
  }
}
