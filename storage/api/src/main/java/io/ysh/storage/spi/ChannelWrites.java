package io.ysh.storage.spi;

import io.ysh.storage.WriteOptions;

/**
 * Optionally implemented by a {@link StorageDriver} that stores objects in local files: when a
 * single write's data is a local file ({@code put(key, Path, ...)}), the portable layer opens the
 * driver's file with {@link #openChannelWrite} and copies into it itself, through a direct buffer
 * and checksumming on the way, instead of handing the driver a stream to copy through a heap
 * array.
 */
public interface ChannelWrites {

  /**
   * Opens a new, invisible file that becomes the object under {@code key} at
   * {@link ChannelWrite#commit}. Nothing may be visible under the key before that, and
   * {@link ChannelWrite#abort} must leave nothing behind.
   *
   * @param key the key, already validated
   * @param options content type, metadata and preconditions (checked at commit at latest), non-null
   * @return the write in progress, non-null
   * @throws Exception the file system's failure, mapped by {@link StorageDriver#errorMapper()}
   */
  ChannelWrite openChannelWrite(String key, WriteOptions options) throws Exception;
}
