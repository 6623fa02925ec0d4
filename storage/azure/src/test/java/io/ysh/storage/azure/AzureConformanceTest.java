package io.ysh.storage.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageConformance;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.azure.Azurite;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the storage conformance suite against Azurite (Microsoft's Azure Storage emulator), run
 * from an npm install through the test-server harness; skipped with a message saying how to install it
 * when it is absent (see {@link Azurite}).
 */
class AzureConformanceTest extends StorageConformance {

  private static final long PART_SIZE = 1L << 20;

  @Override
  protected Harness createHarness() {
    String endpoint = Azurite.blobEndpoint();
    String container = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    AzureStorageDriver driver = AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY))
        .endpoint(endpoint).container(container).build();
    driver.unwrap(BlobContainerClient.class).orElseThrow().create();
    return new Harness() {
      @Override
      public StorageDriver driver() {
        return driver;
      }

      @Override
      public long partSize() {
        return PART_SIZE;
      }

      @Override
      public Optional<Class<?>> nativeClientType() {
        return Optional.of(BlobContainerClient.class);
      }

      /**
       * Rewrites the blob with one bit flipped and the original's Content-MD5 as its stored
       * property: one staged block committed with {@code x-ms-blob-content-md5}, which Put Block
       * List records without checking (Put Blob would check it): bytes damaged after their
       * checksum was taken.
       */
      @Override
      public boolean corrupt(String key) {
        BlobClient blob = driver.unwrap(BlobContainerClient.class).orElseThrow().getBlobClient(key);
        BlobProperties p = blob.getProperties();
        byte[] data = blob.downloadContent().toBytes();
        if (data.length == 0 || p.getContentMd5() == null) {
          return false;
        }
        data[data.length / 2] ^= 1;
        String block = java.util.Base64.getEncoder().encodeToString("corrupt-0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        blob.getBlockBlobClient().stageBlock(block, BinaryData.fromBytes(data));
        blob.getBlockBlobClient().commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(java.util.List.of(block))
            .setHeaders(new BlobHttpHeaders().setContentMd5(p.getContentMd5()).setContentType(p.getContentType()))
            .setMetadata(p.getMetadata()), null, Context.NONE);
        return true;
      }
    };
  }
}
