/**
 * Portable object storage: {@link io.ysh.storage.ObjectStorage} opened by URL ({@code file://},
 * {@code mem://}, {@code s3://}, {@code minio://}, {@code azblob://}, {@code gs://}) or by builder.
 *
 * <p>The portable type does the shared work once (key validation, checksums while streaming,
 * multipart uploads with bounded buffers, error mapping, telemetry, resilience) and delegates
 * to a thin {@link io.ysh.storage.spi.StorageDriver}.
 */
package io.ysh.storage;
