package io.ysh.storage.spi;

import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import java.nio.ByteBuffer;

/**
 * Optionally implemented by a {@link StorageDriver} that sends bodies from memory: when the
 * whole body of a single write already sits in a heap array (a {@code put} of a {@code byte[]},
 * or an upload that fit in one part buffer), the portable layer hands that array over instead of
 * a stream the driver would read into a copy. A 1 MiB copy costs more than the checksum of the
 * same bytes, and a fresh array that large strains the garbage collector.
 *
 * <p>The contract is that of {@link StorageDriver#write} (all or nothing, preconditions,
 * thread-safety, exceptions) but for how the data arrives.
 */
public interface BufferWrites {

  /**
   * Writes a whole object from a heap buffer in one call.
   *
   * @param key the key, already validated
   * @param data the body: a heap buffer ({@link ByteBuffer#hasArray()}) from its position to its
   *     limit, at most {@link MultipartLimits#maxSinglePutSize()} bytes, possibly empty; the
   *     caller's memory, valid during the call only, which the driver must not modify
   * @param options content type, metadata and preconditions, non-null
   * @param digests the CRC32C (and MD5, per {@link StorageDriver#checksumPlan()}) of {@code data},
   *     complete when this is called
   * @return as {@link StorageDriver#write}
   * @throws Exception as {@link StorageDriver#write}
   */
  WriteResult writeBuffer(String key, ByteBuffer data, WriteOptions options, UploadDigests digests) throws Exception;
}
