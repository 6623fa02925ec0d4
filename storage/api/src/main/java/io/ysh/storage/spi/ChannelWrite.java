package io.ysh.storage.spi;

import io.ysh.storage.WriteResult;
import java.nio.channels.WritableByteChannel;

/**
 * A single write in progress into a driver's file, from {@link ChannelWrites#openChannelWrite}.
 * The portable layer writes every byte into {@link #channel()}, then calls {@link #commit} once,
 * or {@link #abort} once if anything failed. Used by one thread at a time.
 */
public interface ChannelWrite {

  /**
   * Where the data goes, positioned at its start.
   *
   * @return the open channel, non-null; the portable layer does not close it
   */
  WritableByteChannel channel();

  /**
   * Makes the object visible with everything written into {@link #channel()}, atomically, after
   * checking the write's preconditions.
   *
   * @param length how many bytes were written
   * @param digests the CRC32C (and MD5, per {@link StorageDriver#checksumPlan()}) of those bytes,
   *     complete
   * @return as {@link StorageDriver#write}
   * @throws Exception as {@link StorageDriver#write}; nothing of this write remains afterwards
   */
  WriteResult commit(long length, UploadDigests digests) throws Exception;

  /**
   * Drops the write: nothing of it remains. Must not throw.
   */
  void abort();
}
