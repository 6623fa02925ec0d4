package io.ysh.storage;

/**
 * What a driver may or may not support. A driver declares its capabilities through
 * {@link ObjectStorage#capabilities()}; an operation that needs a capability the driver lacks
 * fails with {@link io.ysh.core.ErrorCode#UNSUPPORTED} before any call to the provider, never
 * with a silent no-op. The conformance suite checks each declaration in both directions.
 */
public enum StorageCapability {
  /** Presigned or signed URLs for GET and PUT ({@link ObjectStorage#signedUrl}). */
  SIGNED_URL,
  /** {@link ObjectStorage#copy} without the data passing through this JVM. */
  SERVER_SIDE_COPY,
  /** {@link WriteOptions.Builder#ifNoneMatchAny()}: create only if the key does not exist. */
  IF_NONE_MATCH,
  /** {@link WriteOptions.Builder#ifMatch(String)}: overwrite only if the ETag matches. */
  IF_MATCH,
  /** Ranged reads served by the provider (not by skipping bytes locally). */
  RANGE_READ,
  /** {@link ObjectStorage#deleteAll} in provider batches rather than one call per key. */
  BATCH_DELETE
}
