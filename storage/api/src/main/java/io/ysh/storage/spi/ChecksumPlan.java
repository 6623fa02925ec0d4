package io.ysh.storage.spi;

/**
 * Which MD5s the portable layer computes of the data it uploads through a driver, declared once
 * by {@link StorageDriver#checksumPlan()} and applied in one place. The CRC32C of every upload is
 * always computed (it runs on the CPU's CRC instruction); an MD5 costs about 2 ms per MiB, a
 * hundred times more, so a driver asks for it only where its provider reports an MD5 to compare
 * with.
 *
 * <p>When an MD5 was computed and the provider reports one ({@link io.ysh.storage.WriteResult#md5()}
 * of the driver's result), the portable layer compares them and deletes the object on a mismatch.
 * When none was computed, {@link UploadDigests#md5Hex()} throws and the result carries the
 * provider's MD5, if any. The MD5 of a part ({@link UploadedPart#md5()}) is compared whenever the
 * provider reports one, from the part buffer at hand, whatever the plan.
 *
 * @param md5SingleWritesOver single writes ({@link StorageDriver#write},
 *     {@link BufferWrites#writeBuffer}, {@link ChannelWrites#openChannelWrite}) of more than this
 *     many bytes are MD5-hashed: {@code -1} for every single write, {@link Long#MAX_VALUE} for none
 * @param md5Uploads whether multipart uploads (and writes whose length is unknown when they start)
 *     are MD5-hashed as a whole for {@link StorageDriver#completeUpload}
 */
public record ChecksumPlan(long md5SingleWritesOver, boolean md5Uploads) {

  /** MD5 and CRC32C of everything: for providers that report the MD5 of what they stored. */
  public static final ChecksumPlan MD5_AND_CRC32C = new ChecksumPlan(-1, true);

  /** CRC32C only: for drivers that store and verify the CRC32C themselves (fs). */
  public static final ChecksumPlan CRC32C_ONLY = new ChecksumPlan(Long.MAX_VALUE, false);

  /**
   * Checks the threshold.
   *
   * @param md5SingleWritesOver see the record's description
   * @param md5Uploads see the record's description
   * @throws IllegalArgumentException when the threshold is below {@code -1}
   */
  public ChecksumPlan {
    if (md5SingleWritesOver < -1) {
      throw new IllegalArgumentException("md5SingleWritesOver must be -1 or more");
    }
  }

  /**
   * Whether a single write of this length is MD5-hashed.
   *
   * @param length the write's exact length
   * @return true when its MD5 is computed
   */
  public boolean md5ForSingleWrite(long length) {
    return length > md5SingleWritesOver;
  }
}
