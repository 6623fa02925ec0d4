package io.ysh.storage.gcs;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** Test credentials: a service account with a freshly generated RSA key (signing is offline). */
final class GcsTestSupport {

  static final String CLIENT_EMAIL = "ysh-test@fake-project-for-testing.iam.gserviceaccount.com";

  private GcsTestSupport() {}

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ServiceAccountCredentials credentials(KeyPair keys) {
    return ServiceAccountCredentials.newBuilder().setClientEmail(CLIENT_EMAIL).setClientId("1")
        .setPrivateKey(keys.getPrivate()).setPrivateKeyId("test-key").setProjectId("fake-project-for-testing")
        .build();
  }
}
