package io.ysh.storage.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.ysh.core.Secret;
import io.ysh.storage.conformance.StorageNetworkFaults;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.testkit.server.azure.Azurite;
import io.ysh.testkit.server.fault.Toxic;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Network faults between the Azure driver (Azure SDK on OkHttp) and Azurite; Azurite never answers
 * {@code 503 ServerBusy}, so that answer comes from the fault proxy in Azure's words. A multipart
 * upload is staged blocks committed at the end: "pending uploads" are blobs under the prefix
 * that hold uncommitted blocks (listed with uncommitted blobs included, then each block list
 * read), which Azure would otherwise keep for 7 days.
 */
class AzureNetworkFaultTest extends StorageNetworkFaults {

  @Override
  protected Harness createHarness() {
    String blobEndpoint = Azurite.blobEndpoint();
    URI server = URI.create(blobEndpoint);
    String container = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    AzureStorageDriver direct = builder(blobEndpoint, container).build();
    BlobContainerClient containerClient = direct.unwrap(BlobContainerClient.class).orElseThrow();
    containerClient.create();
    return new Harness() {
      @Override
      public String name() {
        return "azure";
      }

      @Override
      public InetSocketAddress server() {
        return new InetSocketAddress(server.getHost(), server.getPort());
      }

      @Override
      public StorageDriver driver(URI endpoint, Duration attemptTimeout) {
        return builder(endpoint.resolve(server.getPath()).toString(), container).timeout(attemptTimeout).build();
      }

      @Override
      public long partSize() {
        return 1L << 20;
      }

      /** The request path of a blob: the SDK percent-encodes the name, '/' included. */
      private String path(String key) {
        return server.getPath() + "/" + container + "/"
            + Pattern.quote(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"));
      }

      @Override
      public String singlePut(String key) {
        return "^PUT " + path(key) + "(\\?(?!\\S*comp=)\\S*)? HTTP/";
      }

      /**
       * The driver's block ids are Base64 of a 21-character tag of the upload and the 8-digit part
       * number, so the number's own Base64 ends the id.
       */
      @Override
      public String partUpload(String key, int number) {
        String part = Base64.getEncoder().encodeToString(
            String.format("%08d", number).getBytes(StandardCharsets.US_ASCII));
        return "^PUT " + path(key) + "\\?(?=\\S*comp=block(&|\\s))(?=\\S*blockid=[A-Za-z0-9%]{28,}"
            + Pattern.quote(URLEncoder.encode(part, StandardCharsets.UTF_8)) + "(&|\\s))";
      }

      @Override
      public String dataGet(String key) {
        return "^GET " + path(key) + "[ ?]";
      }

      @Override
      public Toxic throttled(int seconds) {
        return Toxic.respond(503, Map.of("Retry-After", Integer.toString(seconds), "x-ms-error-code", "ServerBusy",
            "Content-Type", "application/xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code>"
                + "<Message>The server is busy.</Message></Error>");
      }

      @Override
      public int pendingUploads(String prefix) {
        int pending = 0;
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix)
            .setDetails(new BlobListDetails().setRetrieveUncommittedBlobs(true));
        for (BlobItem item : containerClient.listBlobs(options, null)) {
          var blocks = containerClient.getBlobClient(item.getName()).getBlockBlobClient()
              .listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks();
          pending += blocks.isEmpty() ? 0 : 1;
        }
        return pending;
      }

      @Override
      public void close() {
        direct.close();
      }
    };
  }

  private static AzureStorageDriver.Builder builder(String endpoint, String container) {
    return AzureStorageDriver.builder().account(Azurite.ACCOUNT, Secret.of(Azurite.KEY)).endpoint(endpoint)
        .container(container);
  }
}
