package io.ysh.support.azure;

import com.azure.core.credential.TokenCredential;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.lang.reflect.InvocationTargetException;
import java.util.Set;

/**
 * Microsoft Entra ID for drivers opened by URL: azure-identity's {@code DefaultAzureCredential}
 * (environment service principal, workload identity, managed identity, Azure CLI, …) without a
 * compile-time dependency on azure-identity, so that applications that authenticate otherwise do
 * not carry it. Every Azure driver (Blob, Queue, Key Vault) creates it here and gives the same
 * {@code UNSUPPORTED} error naming {@value #ARTIFACT} when it is missing.
 *
 * <p>URL parameters, read the same way by every Azure driver: {@code clientId=} (the client id of
 * a user-assigned managed identity or of a workload identity) and {@code tenantId=}. Neither is a
 * secret.
 */
public final class AzureIdentity {

  /** The artifact that holds {@code DefaultAzureCredential}. */
  public static final String ARTIFACT = "com.azure:azure-identity";

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS = Set.of("clientId", "tenantId");

  private static final String BUILDER = "com.azure.identity.DefaultAzureCredentialBuilder";

  private AzureIdentity() {}

  /**
   * Creates a {@code DefaultAzureCredential} with the defaults.
   *
   * @param otherwise what the user can do instead, for the error message (such as {@code build the
   *     driver with AzureSecretDriver.builder(vaultUrl, credential)})
   * @return the credential
   * @throws YshException {@code UNSUPPORTED} naming {@value #ARTIFACT} when it is not on the class
   *     path
   */
  public static TokenCredential defaultCredential(String otherwise) {
    return defaultCredential(null, null, otherwise);
  }

  /**
   * Creates a {@code DefaultAzureCredential} as {@link #URL_PARAMETERS} of a URL ask.
   *
   * @param url the URL
   * @param otherwise what the user can do instead, for the error message
   * @return the credential
   * @throws YshException {@code UNSUPPORTED} naming {@value #ARTIFACT} when it is not on the class
   *     path
   */
  public static TokenCredential fromUrl(ResourceUrl url, String otherwise) {
    return defaultCredential(url.param("clientId").orElse(null), url.param("tenantId").orElse(null), otherwise);
  }

  /**
   * Creates a {@code DefaultAzureCredential}.
   *
   * @param clientId the client id of a user-assigned managed identity or workload identity, or
   *     null for the default (the system-assigned identity, or {@code AZURE_CLIENT_ID})
   * @param tenantId the tenant, or null for the default ({@code AZURE_TENANT_ID})
   * @param otherwise what the user can do instead, for the error message
   * @return the credential
   * @throws YshException {@code UNSUPPORTED} naming {@value #ARTIFACT} when it is not on the class
   *     path
   */
  public static TokenCredential defaultCredential(String clientId, String tenantId, String otherwise) {
    return defaultCredential(AzureIdentity.class.getClassLoader(), clientId, tenantId, otherwise);
  }

  /**
   * Creates a {@code DefaultAzureCredential} with the classes a given loader sees; tests hide
   * azure-identity with it.
   *
   * @param loader where to look for azure-identity
   * @param clientId the client id, or null
   * @param tenantId the tenant, or null
   * @param otherwise what the user can do instead, for the error message
   * @return the credential
   */
  static TokenCredential defaultCredential(ClassLoader loader, String clientId, String tenantId, String otherwise) {
    Class<?> builder;
    try {
      builder = Class.forName(BUILDER, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw missing(otherwise, e);
    }
    try {
      Object b = builder.getConstructor().newInstance();
      if (clientId != null && !clientId.isBlank()) {
        builder.getMethod("managedIdentityClientId", String.class).invoke(b, clientId);
        builder.getMethod("workloadIdentityClientId", String.class).invoke(b, clientId);
      }
      if (tenantId != null && !tenantId.isBlank()) {
        builder.getMethod("tenantId", String.class).invoke(b, tenantId);
      }
      return (TokenCredential) builder.getMethod("build").invoke(b);
    } catch (InvocationTargetException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot create DefaultAzureCredential: " + e.getCause().getClass().getSimpleName()).cause(e.getCause()).build();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot create DefaultAzureCredential").cause(e).build();
    }
  }

  private static YshException missing(String otherwise, Throwable cause) {
    return YshException.builder(ErrorCode.UNSUPPORTED)
        .detail("Microsoft Entra ID authentication (DefaultAzureCredential) needs " + ARTIFACT
            + " on the class path: add it, or " + otherwise)
        .cause(cause).build();
  }
}
