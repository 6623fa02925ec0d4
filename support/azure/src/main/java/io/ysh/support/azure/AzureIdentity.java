package io.ysh.support.azure;

import com.azure.core.credential.TokenCredential;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;

/**
 * azure-identity's {@code DefaultAzureCredential} (environment, workload identity, managed
 * identity, Azure CLI…) for drivers opened by URL, without a compile-time dependency on
 * azure-identity: applications that authenticate otherwise do not carry it. Every Azure driver
 * gives the same error when it is missing.
 */
public final class AzureIdentity {

  /** The artifact that holds {@code DefaultAzureCredential}. */
  public static final String ARTIFACT = "com.azure:azure-identity";

  private AzureIdentity() {}

  /**
   * Creates a {@code DefaultAzureCredential}.
   *
   * @param otherwise what the user can do instead, for the error message (such as {@code build the
   *     driver with AzureSecretDriver.builder(vaultUrl, credential)})
   * @return the credential
   * @throws YshException {@code UNSUPPORTED} naming {@value #ARTIFACT} when it is not on the class
   *     path
   */
  public static TokenCredential defaultCredential(String otherwise) {
    try {
      Class<?> builder = Class.forName("com.azure.identity.DefaultAzureCredentialBuilder");
      Object b = builder.getConstructor().newInstance();
      return (TokenCredential) builder.getMethod("build").invoke(b);
    } catch (ClassNotFoundException e) {
      throw YshException.builder(ErrorCode.UNSUPPORTED)
          .detail("DefaultAzureCredential needs " + ARTIFACT + " on the class path: add it, or " + otherwise)
          .cause(e).build();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot create DefaultAzureCredential").cause(e).build();
    }
  }
}
