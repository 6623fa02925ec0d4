package com.google.cloud.storage.contrib.nio.testing;

import com.google.api.services.storage.model.StorageObject;
import com.google.cloud.storage.StorageOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Test-only access to one {@code FakeStorageRpc} (package-private in google-cloud-nio) behind
 * {@link LocalStorageHelper}, to damage stored bytes behind the driver's back: the conformance
 * suite's {@code corrupt} hook. The fake computes no checksums (real GCS does, at upload), so
 * {@link #corrupt} first records the checksum GCS would have stored for the intact bytes, then
 * flips a byte without updating it. Nothing here changes how the fake answers requests.
 */
public final class FakeStorageAccess {

  private final FakeStorageRpc rpc = new FakeStorageRpc(true);

  /** A fresh, empty fake that throws on options it does not understand. */
  public FakeStorageAccess() {}

  /**
   * Client options bound to this fake.
   *
   * @return the options
   */
  public StorageOptions options() {
    return StorageOptions.newBuilder().setProjectId("fake-project-for-testing")
        .setServiceRpcFactory(new LocalStorageHelper.FakeStorageRpcFactory(rpc)).build();
  }

  /**
   * Records the checksum GCS would store for an object's intact bytes, then flips its first byte.
   *
   * @param bucket the bucket
   * @param key the object name
   * @param asComposite true to record only a CRC32C (as GCS does for composite objects), false
   *     for the MD5 (and CRC32C) of a plain upload
   * @return false when the object does not exist or is empty
   */
  public boolean corrupt(String bucket, String key, boolean asComposite) {
    String name = String.format("http://localhost:65555/b/%s/o/%s", bucket, key);
    byte[] bytes = rpc.contents.get(name);
    StorageObject object = rpc.metadata.get(name);
    if (bytes == null || object == null || bytes.length == 0) {
      return false;
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes);
    long value = crc.getValue();
    byte[] crcBytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    object.setCrc32c(Base64.getEncoder().encodeToString(crcBytes));
    object.setMd5Hash(asComposite ? null : Base64.getEncoder().encodeToString(md5(bytes)));
    object.setComponentCount(asComposite ? 2 : null);
    byte[] damaged = bytes.clone();
    damaged[0] ^= 0x01;
    rpc.contents.put(name, damaged);
    return true;
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
