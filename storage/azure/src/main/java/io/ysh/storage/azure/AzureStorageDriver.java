package io.ysh.storage.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.batch.BlobBatch;
import com.azure.storage.blob.batch.BlobBatchClient;
import com.azure.storage.blob.batch.BlobBatchClientBuilder;
import com.azure.storage.blob.models.BlobDownloadAsyncResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.BlockList;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.DownloadRetryOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import io.ysh.support.azure.AzureHttp;
import io.ysh.support.azure.AzureStorageConfig;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * Azure Blob Storage (block blobs) through a {@link BlobContainerClient}.
 *
 * <p>Single uploads use Put Blob (Azure stores the Content-MD5, which the portable layer
 * verifies); multipart uploads stage blocks (each sent with its MD5, which Azure checks) and
 * commit the block list with the whole object's MD5, as the portable layer computed it. Preconditions map to
 * {@code If-None-Match: *} and {@code If-Match}. Copy is a server-side Copy Blob. Signed URLs
 * are service SAS tokens signed with the account key, or, for a driver authenticated with
 * Microsoft Entra ID, user delegation SAS tokens (one Get User Delegation Key call per URL; the
 * identity needs permission to generate one, and 7 days is Azure's longest expiry); a driver
 * authenticated with a SAS token cannot sign URLs and does not declare {@code SIGNED_URL}.
 * <strong>a PUT through a SAS URL must send
 * {@code x-ms-blob-type: BlockBlob}</strong> (Azure's rule), which
 * {@link io.ysh.storage.ObjectStorage#signedUrl} reports in {@link io.ysh.storage.SignedUrl#requiredHeaders()}. Each upload tags its block ids, so
 * concurrent uploads to one key never take each other's blocks. Aborting a multipart upload
 * deletes its uncommitted blocks when they are all the name holds (no committed blob, no other
 * upload's blocks); otherwise they stay, invisible, until the blob's next commit or for 7 days. {@code deleteAll} sends Blob Batch requests of up to 256 deletions (Azure's
 * limit per batch); a blob that is already gone is not a failure, any other sub-request's failure
 * is reported for its key. Thread-safe.
 */
public final class AzureStorageDriver implements StorageDriver {

  private static final MultipartLimits LIMITS =
      new MultipartLimits(1, 4000L << 20, 50_000, 256L << 20, false, 190L << 40);

  /** Azure's limit on the sub-requests of one Blob Batch. */
  static final int MAX_BATCH = 256;

  private final BlobServiceClient service;
  private final BlobContainerClient container;
  private final BlobContainerAsyncClient asyncContainer;
  private final BlobBatchClient batches;
  private final AzureStorageConfig.CredentialSource credentialSource;
  private final Set<StorageCapability> capabilities;
  private final Duration timeout;

  private AzureStorageDriver(Builder b) {
    // One try per call, bounded by the timeout: retries belong to the portable layer's resilience
    // policy (the SDK's own 4 tries with 4-120 s delays would multiply its attempts and waits).
    BlobServiceClientBuilder builder = b.storage.configure(new BlobServiceClientBuilder().httpClient(AzureHttp.client()))
        .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, b.timeout, null, null, null));
    BlobServiceClient service = builder.buildClient();
    this.service = service;
    this.asyncContainer = builder.buildAsyncClient().getBlobContainerAsyncClient(b.container);
    this.container = service.getBlobContainerClient(b.container);
    this.batches = new BlobBatchClientBuilder(service).buildClient();
    this.timeout = b.timeout;
    this.credentialSource = b.storage.credentialSource();
    EnumSet<StorageCapability> caps = EnumSet.of(StorageCapability.SERVER_SIDE_COPY,
        StorageCapability.IF_NONE_MATCH, StorageCapability.IF_MATCH, StorageCapability.RANGE_READ, StorageCapability.BATCH_DELETE);
    if (credentialSource != AzureStorageConfig.CredentialSource.SAS) {
      // a SAS cannot sign another SAS; a key signs service SAS, an Entra identity user delegation SAS
      caps.add(StorageCapability.SIGNED_URL);
    }
    this.capabilities = Set.copyOf(caps);
  }

  /**
   * Starts building a driver.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String provider() {
    return "azure";
  }

  @Override
  public Set<StorageCapability> capabilities() {
    return capabilities;
  }

  @Override
  public MultipartLimits multipartLimits() {
    return LIMITS;
  }

  /** MD5 and CRC32C: Azure stores the Content-MD5 of a Put Blob and reports it back for comparison. */
  @Override
  public ChecksumPlan checksumPlan() {
    return ChecksumPlan.MD5_AND_CRC32C;
  }

  @Override
  public ErrorMapper errorMapper() {
    return AzureErrors::map;
  }

  private BlobClient blob(String key) {
    return container.getBlobClient(key);
  }

  private static ObjectInfo info(String key, BlobProperties p) {
    byte[] md5 = p.getContentMd5();
    return new ObjectInfo(key, p.getBlobSize(), unquote(p.getETag()),
        p.getContentType() == null ? WriteOptions.DEFAULT_CONTENT_TYPE : p.getContentType(), p.getCacheControl(),
        p.getLastModified() == null ? null : p.getLastModified().toInstant(), p.getMetadata(),
        md5 == null ? null : HexFormat.of().formatHex(md5));
  }

  @Override
  public ObjectInfo stat(String key) {
    return info(key, blob(key).getProperties());
  }

  @Override
  public DriverReader read(String key, ByteRange range) {
    BlobClient blob = blob(key);
    BlobProperties props = blob.getProperties();
    ObjectInfo info = info(key, props);
    long[] r = range == null ? new long[] {0, info.size()} : range.resolve(info.size());
    if (r[1] == r[0]) {
      return new DriverReader(InputStream.nullInputStream(), info, 0);
    }
    long length = r[1] - r[0];
    // One Get Blob for the whole range, pinned to the version just read, its body handed on as it
    // arrives. The SDK's own read stream (openInputStream) fetches blocks of 4 MiB, one request
    // each, and collects each whole into a growing array first: a parallel 256 MiB download
    // through it cost twice the client CPU of the SDK's downloadToFile and held a block per open
    // stream. Its built-in resumption is off: the portable layer resumes a broken stream itself.
    BlobDownloadAsyncResponse response;
    try {
      response = asyncContainer.getBlobAsyncClient(key)
          .downloadStreamWithResponse(new BlobRange(r[0], length), new DownloadRetryOptions().setMaxRetryRequests(0),
              new BlobRequestConditions().setIfMatch(props.getETag()), false)
          .block(timeout);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 412) {
        // the caller set no condition: the pin to the properties just read failed
        throw YshException.builder(ErrorCode.UNAVAILABLE).retryable(true).resource(key).cause(e)
            .detail("the blob changed between reading its properties and its bytes; read it again").build();
      }
      throw e;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof java.util.concurrent.TimeoutException) { // block(timeout) ran out
        throw YshException.builder(ErrorCode.TIMEOUT).retryable(true).resource(key).cause(e)
            .detail("Get Blob did not answer within " + timeout).build();
      }
      throw e;
    }
    if (response == null) {
      throw YshException.builder(ErrorCode.UNAVAILABLE).detail("Get Blob returned no response").resource(key).build();
    }
    return new DriverReader(new ByteBufferStream(response.getValue()), info, length);
  }

  /**
   * A download body ({@code Flux<ByteBuffer>}) read as an {@link InputStream}: buffers are
   * requested a few at a time as the reader consumes them (backpressure), so memory stays at a
   * few chunks whatever the range's size; closing cancels the download.
   */
  private static final class ByteBufferStream extends InputStream {
    private static final int PREFETCH = 4;

    private final java.util.stream.Stream<ByteBuffer> buffers;
    private final java.util.Iterator<ByteBuffer> it;
    private ByteBuffer current = ByteBuffer.allocate(0);

    ByteBufferStream(Flux<ByteBuffer> body) {
      this.buffers = body.toStream(PREFETCH);
      this.it = buffers.iterator();
    }

    /** The next buffer with bytes left, or null at the end of the body. */
    private ByteBuffer current() throws IOException {
      try {
        while (!current.hasRemaining()) {
          if (!it.hasNext()) {
            return null;
          }
          current = it.next();
        }
        return current;
      } catch (RuntimeException e) {
        Throwable cause = Exceptions.unwrap(e);
        throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
      }
    }

    @Override
    public int read() throws IOException {
      ByteBuffer b = current();
      return b == null ? -1 : b.get() & 0xff;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, dst.length);
      if (len == 0) {
        return 0;
      }
      ByteBuffer b = current();
      if (b == null) {
        return -1;
      }
      int n = Math.min(len, b.remaining());
      b.get(dst, off, n);
      return n;
    }

    @Override
    public void close() {
      buffers.close();
    }
  }

  private static BlobHttpHeaders headers(WriteOptions options) {
    BlobHttpHeaders h = new BlobHttpHeaders().setContentType(options.contentType());
    options.cacheControl().ifPresent(h::setCacheControl);
    return h;
  }

  private static BlobRequestConditions conditions(WriteOptions options) {
    BlobRequestConditions c = new BlobRequestConditions();
    if (options.ifNoneMatchAny()) {
      c.setIfNoneMatch("*");
    }
    options.ifMatch().ifPresent(e -> c.setIfMatch(quote(e)));
    return c;
  }

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests) {
    BlockBlobClient block = blob(key).getBlockBlobClient();
    // the SDK needs mark/reset (to retry); single writes are at most the part size, so this buffer is bounded
    InputStream markable = data.markSupported() ? data
        : new java.io.BufferedInputStream(data, (int) Math.max(1, Math.min(length + 1, 1 << 20)));
    BlockBlobItem item = block.uploadWithResponse(new BlockBlobSimpleUploadOptions(markable, length)
        .setHeaders(headers(options)).setMetadata(options.metadata()).setRequestConditions(conditions(options)),
        timeout, Context.NONE).getValue();
    byte[] md5 = item.getContentMd5();
    return new WriteResult(key, length, unquote(item.getETag()), md5 == null ? null : HexFormat.of().formatHex(md5), null);
  }

  /**
   * One multipart upload. Its block ids carry a random tag of the upload: blocks are staged on
   * the blob's name, so two uploads to one key with the same ids would take each other's blocks
   * (and commit a mix), and an abort could not tell its own blocks from another upload's.
   */
  private static final class Upload implements DriverUpload {
    final String key;
    final WriteOptions options;
    final String tag = "ysh-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";

    Upload(String key, WriteOptions options) {
      this.key = key;
      this.options = options;
    }

    /** Base64 of the tag and the 8-digit part number: all ids of a blob have one length, as Azure requires. */
    String blockId(int partNumber) {
      return Base64.getEncoder().encodeToString(
          (tag + String.format("%08d", partNumber)).getBytes(StandardCharsets.US_ASCII));
    }

    boolean staged(String blockId) {
      try {
        return new String(Base64.getDecoder().decode(blockId), StandardCharsets.US_ASCII).startsWith(tag);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    @Override
    public String key() {
      return key;
    }
  }

  /**
   * Blocks are staged independently, each under an id made of the upload's tag and the part
   * number; the block list committed is built from the parts handed to {@link #completeUpload}.
   */
  @Override
  public boolean concurrentParts() {
    return true;
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) throws Exception {
    return new Upload(key, options);
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws Exception {
    Upload u = (Upload) upload;
    String blockId = u.blockId(partNumber);
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    md5.update(data, 0, length);
    byte[] partMd5 = md5.digest();
    // Azure checks the block against this MD5 and refuses a corrupted transfer
    blob(u.key).getBlockBlobClient().stageBlockWithResponse(blockId, new ByteArrayInputStream(data, 0, length), length,
        partMd5, null, timeout, Context.NONE);
    return new UploadedPart(partNumber, blockId, null, length);
  }

  /**
   * Commits the upload's block list. Azure drops every uncommitted block of a blob when a list is
   * committed to it, so when another upload to the same key commits first, this one's earlier
   * blocks are gone: that fails with a retryable {@code UNAVAILABLE} (write again) instead of
   * Azure's {@code 400 InvalidBlockList}, and the other writer's object stays whole.
   */
  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests) {
    Upload u = (Upload) upload;
    byte[] md5 = HexFormat.of().parseHex(digests.md5Hex()); // the portable layer's, of the whole object
    BlockBlobItem item;
    try {
      item = blob(u.key).getBlockBlobClient().commitBlockListWithResponse(
          new BlockBlobCommitBlockListOptions(parts.stream().map(UploadedPart::etag).toList()).setHeaders(headers(u.options).setContentMd5(md5))
              .setMetadata(u.options.metadata()).setRequestConditions(conditions(u.options)), timeout, Context.NONE)
          .getValue();
    } catch (BlobStorageException e) {
      if (BlobErrorCode.INVALID_BLOCK_LIST.equals(e.getErrorCode())) {
        throw YshException.builder(ErrorCode.UNAVAILABLE).retryable(true)
            .detail("another write to '" + u.key + "' was committed during this upload and Azure discarded this"
                + " upload's staged blocks; nothing of it was written, write again")
            .cause(e).build();
      }
      throw e;
    }
    return new WriteResult(u.key, parts.stream().mapToLong(UploadedPart::size).sum(), unquote(item.getETag()), null, null);
  }

  /**
   * Deletes the blocks the upload staged, when they are all the blob's name holds: no committed
   * blob (its blocks are discarded at its next commit, or by Azure after 7 days) and no other
   * upload's blocks. Deleting is the only way to drop uncommitted blocks; the request carries
   * {@code If-None-Match: *}, so a blob committed meanwhile by another writer makes it fail
   * rather than deleting that blob (Azurite ignores the condition; there, only the check before
   * stands between the two).
   */
  @Override
  public void abortUpload(DriverUpload upload) {
    Upload u = (Upload) upload;
    BlockBlobClient block = blob(u.key).getBlockBlobClient();
    BlockList blocks;
    try {
      blocks = block.listBlocks(BlockListType.ALL);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return; // nothing staged under the name
      }
      throw e;
    }
    boolean onlyOurs = blocks.getCommittedBlocks().isEmpty() && !blocks.getUncommittedBlocks().isEmpty()
        && blocks.getUncommittedBlocks().stream().allMatch(b -> u.staged(b.getName()));
    if (!onlyOurs || block.exists()) {
      return;
    }
    try {
      block.deleteWithResponse(null, new BlobRequestConditions().setIfNoneMatch("*"), timeout, Context.NONE);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() != 404 && e.getStatusCode() != 412 && e.getStatusCode() != 409) {
        throw e;
      }
    }
  }

  @Override
  public void delete(String key) {
    blob(key).deleteIfExists();
  }

  @Override
  public int maxBatchSize() {
    return MAX_BATCH;
  }

  /**
   * One Blob Batch of deletions, addressed by the blobs' URLs (which the SDK encodes as the
   * single-blob calls do; its container-and-name overload decodes names first, which would turn
   * a {@code +} in a key into a space).
   */
  @Override
  public Map<String, YshException> deleteBatch(List<String> keys) {
    BlobBatch batch = batches.getBlobBatch();
    Map<String, Response<Void>> responses = new LinkedHashMap<>();
    for (String key : keys) {
      responses.put(key, batch.deleteBlob(blob(key).getBlobUrl()));
    }
    batches.submitBatchWithResponse(batch, false, timeout, Context.NONE);
    Map<String, YshException> failures = new LinkedHashMap<>();
    responses.forEach((key, response) -> {
      try {
        response.getStatusCode(); // throws the sub-request's failure
      } catch (BlobStorageException e) {
        if (e.getStatusCode() != 404) {
          failures.put(key, AzureErrors.map(e));
        }
      }
    });
    return failures;
  }

  @Override
  public WriteResult copy(String source, String target) {
    BlobClient from = blob(source);
    from.getProperties(); // NOT_FOUND for a missing source, before anything is written
    var poller = blob(target).beginCopy(from.getBlobUrl(), Duration.ofMillis(200));
    poller.waitForCompletion(Duration.ofMinutes(10));
    BlobProperties p = blob(target).getProperties();
    return new WriteResult(target, p.getBlobSize(), unquote(p.getETag()), null, null);
  }

  @Override
  public ListPage list(ListOptions options, String pageToken) {
    ListBlobsOptions o = new ListBlobsOptions().setMaxResultsPerPage(options.pageSize());
    if (!options.prefix().isEmpty()) {
      o.setPrefix(options.prefix());
    }
    var iterable = options.delimiter() == null
        ? container.listBlobs(o, pageToken, null)
        : container.listBlobsByHierarchy(options.delimiter(), o, null);
    Iterator<PagedResponse<BlobItem>> pages = options.delimiter() == null
        ? iterable.iterableByPage(pageToken, options.pageSize()).iterator()
        : iterable.iterableByPage(pageToken, options.pageSize()).iterator();
    if (!pages.hasNext()) {
      return new ListPage(List.of(), null);
    }
    PagedResponse<BlobItem> page = pages.next();
    List<ListEntry> entries = new ArrayList<>();
    for (BlobItem item : page.getValue()) {
      if (Boolean.TRUE.equals(item.isPrefix())) {
        entries.add(ListEntry.prefix(item.getName()));
      } else {
        var p = item.getProperties();
        entries.add(ListEntry.object(item.getName(), p.getContentLength() == null ? 0 : p.getContentLength(),
            unquote(p.getETag()), p.getLastModified() == null ? null : p.getLastModified().toInstant()));
      }
    }
    entries.sort((a, b) -> StorageKeys.UTF8_ORDER.compare(a.key(), b.key()));
    String next = page.getContinuationToken();
    return new ListPage(entries, next == null || next.isEmpty() ? null : next);
  }

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) {
    BlobSasPermission permission = method == SignedUrlMethod.GET
        ? new BlobSasPermission().setReadPermission(true)
        : new BlobSasPermission().setCreatePermission(true).setWritePermission(true);
    BlobServiceSasSignatureValues values =
        new BlobServiceSasSignatureValues(OffsetDateTime.now().plus(expiry), permission);
    if (contentType != null && method == SignedUrlMethod.PUT) {
      values.setContentType(contentType);
    }
    BlobClient blob = blob(key);
    boolean entra = credentialSource == AzureStorageConfig.CredentialSource.TOKEN_CREDENTIAL
        || credentialSource == AzureStorageConfig.CredentialSource.DEFAULT_AZURE_CREDENTIAL;
    if (entra) {
      // without the account key, an Entra identity signs with a user delegation key it asks Azure for
      OffsetDateTime now = OffsetDateTime.now();
      UserDelegationKey delegation = service.getUserDelegationKey(now.minusMinutes(5), now.plus(expiry).plusMinutes(5));
      return URI.create(blob.getBlobUrl() + "?" + blob.generateUserDelegationSas(values, delegation));
    }
    return URI.create(blob.getBlobUrl() + "?" + blob.generateSas(values));
  }

  /** A PUT through a SAS URL creates a block blob only when it says so. */
  @Override
  public Map<String, String> signedUrlHeaders(SignedUrlMethod method, String contentType) {
    return method == SignedUrlMethod.PUT ? Map.of("x-ms-blob-type", "BlockBlob") : Map.of();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(container) ? Optional.of(type.cast(container)) : Optional.empty();
  }

  @Override
  public void close() {
    // the SDK's HTTP client is shared and needs no closing
  }

  @Override
  public String toString() {
    return "AzureStorageDriver[" + container.getBlobContainerName() + "]";
  }

  private static String unquote(String etag) {
    if (etag == null) {
      return null;
    }
    return etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  private static String quote(String etag) {
    return etag.startsWith("\"") || etag.equals("*") ? etag : "\"" + etag + "\"";
  }

  /** Builds an {@link AzureStorageDriver}. Not thread-safe. */
  public static final class Builder {
    private String account;
    private Secret key;
    private Secret sas;
    private TokenCredential credential;
    private String container;
    private String endpoint;
    private Duration timeout = Duration.ofMinutes(5);
    private AzureStorageConfig.Builder storageFromUrl;
    private AzureStorageConfig storage;

    private Builder() {}

    /**
     * Sets the timeout of one attempt: of each HTTP request until its response starts, and of each
     * upload call as a whole (default 5 minutes). The SDK makes one try per call; the resilience
     * policy retries.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the storage account and its shared key (default: the connection string in {@code
     * AZURE_STORAGE_CONNECTION_STRING}, or the key in {@code AZURE_STORAGE_KEY} for the account in
     * {@code AZURE_STORAGE_ACCOUNT}).
     *
     * @param account the account name
     * @param key the account key
     * @return this builder
     */
    public Builder account(String account, Secret key) {
      this.account = Objects.requireNonNull(account, "account");
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets the storage account without a key: the credential is then a {@link #sas SAS token}, a
     * {@link #credential token credential}, or, with neither, Microsoft Entra ID through
     * azure-identity's {@code DefaultAzureCredential} (which must be on the class path: {@code
     * com.azure:azure-identity}).
     *
     * @param account the account name
     * @return this builder
     */
    public Builder account(String account) {
      this.account = Objects.requireNonNull(account, "account");
      this.key = null;
      return this;
    }

    /**
     * Authenticates with a shared access signature (an account or a container SAS).
     *
     * @param sasToken the SAS query string, such as {@code sv=…&sr=c&sp=racwdl&sig=…}
     * @return this builder
     */
    public Builder sas(Secret sasToken) {
      this.sas = Objects.requireNonNull(sasToken, "sasToken");
      return this;
    }

    /**
     * Authenticates with Microsoft Entra ID: any {@link TokenCredential}, such as azure-identity's
     * {@code ManagedIdentityCredential}, {@code WorkloadIdentityCredential} or {@code
     * ClientSecretCredential}. The identity needs a data role on the container (such as Storage
     * Blob Data Contributor); Azure accepts tokens over HTTPS only.
     *
     * @param credential the credential
     * @return this builder
     */
    public Builder credential(TokenCredential credential) {
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /**
     * Sets the container (required).
     *
     * @param container the container name
     * @return this builder
     */
    public Builder container(String container) {
      this.container = container;
      return this;
    }

    /**
     * Sets the blob endpoint (default {@code https://<account>.blob.core.windows.net}).
     *
     * @param endpoint such as a local emulator's {@code http://127.0.0.1:10000/devstoreaccount1}
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Builds the driver; no network call is made.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for a bad container name, no account, several
     *     credentials, a key that is not Base64, a SAS without signature or a malformed endpoint;
     *     {@code UNSUPPORTED} naming {@code com.azure:azure-identity} when Entra ID is needed and
     *     it is missing
     */
    public AzureStorageDriver build() {
      if (container == null || !container.matches("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")) {
        throw YshException.invalidArgument("'" + container + "' is not a valid Azure container name");
      }
      AzureStorageConfig.Builder c = storageFromUrl != null ? storageFromUrl : AzureStorageConfig.builder(Service.BLOB);
      if (account != null) {
        c.account(account).key(key);
      }
      if (sas != null) {
        c.sas(sas);
      }
      if (credential != null) {
        c.tokenCredential(credential);
      }
      if (endpoint != null) {
        c.endpoint(endpoint);
      }
      this.storage = c.build("azblob://account:KEY@account/container");
      return new AzureStorageDriver(this);
    }

    /** Takes account, key and endpoint as the URL and the environment give them. */
    Builder storage(AzureStorageConfig.Builder fromUrl) {
      this.storageFromUrl = fromUrl;
      return this;
    }
  }
}
