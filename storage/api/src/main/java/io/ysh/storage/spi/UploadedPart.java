package io.ysh.storage.spi;

/**
 * A part the provider accepted, from {@link StorageDriver#uploadPart}; handed back to
 * {@link StorageDriver#completeUpload} in order.
 *
 * @param number the part number, from 1
 * @param etag the provider's tag for the part (needed to complete the upload), or {@code null}
 * @param md5 the MD5 of the part as the provider computed it (lower-case hex), or {@code null}
 *     when the provider does not say; the portable layer compares it with its own
 * @param size the part's size in bytes
 */
public record UploadedPart(int number, String etag, String md5, long size) {}
