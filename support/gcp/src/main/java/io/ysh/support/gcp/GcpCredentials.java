package io.ysh.support.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Google credentials, read the same way by every GCP driver (GCS, Pub/Sub, Secret Manager):
 *
 * <ul>
 *   <li>{@code credentialsFile=} names a credentials JSON file: a service-account key, or a
 *       workload-identity-federation configuration ({@code external_account}: GKE, AWS, Azure or
 *       any OIDC provider exchanging its token at Google's STS);
 *   <li>without it, Application Default Credentials: {@code GOOGLE_APPLICATION_CREDENTIALS},
 *       gcloud's user credentials, the metadata server on Google Cloud (Compute Engine, GKE
 *       Workload Identity, Cloud Run);
 *   <li>{@code impersonate=} (a service account's e-mail) makes either of them the source of
 *       short-lived tokens of that service account ({@code ImpersonatedCredentials}, through the
 *       IAM Credentials API; the source needs {@code roles/iam.serviceAccountTokenCreator} on it);
 *       {@code delegates=} lists the chain of service accounts in between, comma-separated.
 * </ul>
 *
 * <p>Errors name the problem and never quote the file.
 */
public final class GcpCredentials {

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS = Set.of("credentialsFile", "impersonate", "delegates");

  /** The scope of impersonated tokens: every Google Cloud API the target may use. */
  public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** How long one impersonated token lives (the IAM Credentials API's default and usual maximum). */
  static final int IMPERSONATION_LIFETIME_SECONDS = 3600;

  private GcpCredentials() {}

  /**
   * Reads {@link #URL_PARAMETERS} from a URL.
   *
   * @param url the URL
   * @return the credentials, or empty when the URL names neither a file nor a service account to
   *     impersonate (use Application Default Credentials)
   * @throws YshException {@code INVALID_ARGUMENT} when the file cannot be read or is not a
   *     credentials JSON, or {@code delegates=} comes without {@code impersonate=}; {@code
   *     UNAUTHENTICATED} when impersonation needs Application Default Credentials and there are
   *     none
   */
  public static Optional<GoogleCredentials> fromUrl(ResourceUrl url) {
    Optional<GoogleCredentials> file = url.param("credentialsFile").map(GcpCredentials::fromFile);
    Optional<String> target = url.param("impersonate");
    if (target.isEmpty()) {
      if (url.param("delegates").isPresent()) {
        throw YshException.invalidArgument("delegates= goes with impersonate= (the service account to impersonate)");
      }
      return file;
    }
    List<String> delegates = url.param("delegates")
        .map(d -> Arrays.stream(d.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    GoogleCredentials source = file.orElseGet(() -> applicationDefault("pass credentialsFile= as the source of impersonate="));
    return Optional.of(impersonate(source, target.get(), delegates));
  }

  /**
   * Makes short-lived tokens of a service account from other credentials.
   *
   * @param source the caller's credentials, which need {@code roles/iam.serviceAccountTokenCreator}
   *     on the target
   * @param serviceAccount the target's e-mail, such as {@code reader@project.iam.gserviceaccount.com}
   * @param delegates the chain of service accounts in between, empty for none
   * @return credentials whose tokens are the target's, with the {@value #CLOUD_PLATFORM_SCOPE} scope
   * @throws YshException {@code INVALID_ARGUMENT} when the target is not a service account e-mail
   */
  public static GoogleCredentials impersonate(GoogleCredentials source, String serviceAccount, List<String> delegates) {
    return impersonate(source, serviceAccount, delegates, null);
  }

  /**
   * As {@link #impersonate(GoogleCredentials, String, List)}, asking another IAM Credentials
   * endpoint (tests).
   *
   * @param source the caller's credentials
   * @param serviceAccount the target's e-mail
   * @param delegates the chain in between
   * @param iamEndpoint the generateAccessToken URL, or null for Google's
   * @return the impersonated credentials
   */
  static GoogleCredentials impersonate(GoogleCredentials source, String serviceAccount, List<String> delegates,
      String iamEndpoint) {
    if (serviceAccount == null || !serviceAccount.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw YshException.invalidArgument("impersonate= must be a service account e-mail such as"
          + " reader@my-project.iam.gserviceaccount.com, was '" + serviceAccount + "'");
    }
    ImpersonatedCredentials.Builder b = ImpersonatedCredentials.newBuilder().setSourceCredentials(source)
        .setTargetPrincipal(serviceAccount).setDelegates(List.copyOf(delegates)).setScopes(List.of(CLOUD_PLATFORM_SCOPE))
        .setLifetime(IMPERSONATION_LIFETIME_SECONDS);
    if (iamEndpoint != null) {
      b.setIamEndpointOverride(iamEndpoint);
    }
    return b.build();
  }

  /**
   * Reads a credentials JSON file.
   *
   * @param file the path
   * @return the credentials
   * @throws YshException {@code INVALID_ARGUMENT} when it cannot be read or parsed
   */
  public static GoogleCredentials fromFile(String file) {
    Secret json;
    try {
      json = Secret.ofBytes(Files.readAllBytes(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw YshException.invalidArgument("cannot read the Google credentials file " + file + " (credentialsFile=): "
          + e.getClass().getSimpleName());
    }
    return fromJson(json);
  }

  /**
   * Parses a credentials JSON.
   *
   * @param json the file's content
   * @return the credentials
   * @throws YshException {@code INVALID_ARGUMENT} when it is not a credentials JSON
   */
  public static GoogleCredentials fromJson(Secret json) {
    try (InputStream in = new ByteArrayInputStream(json.revealBytes())) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException | RuntimeException e) {
      // the parser's message could quote the key: name only the problem
      throw YshException.invalidArgument("the Google credentials are not a valid service-account JSON key or"
          + " credentials configuration (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Resolves Application Default Credentials now, so that their absence is a clear error rather
   * than a 401 on the first call.
   *
   * @param otherwise what the user can do instead, for the error message
   * @return the credentials
   * @throws YshException {@code UNAUTHENTICATED} when none are found
   */
  public static GoogleCredentials applicationDefault(String otherwise) {
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException | RuntimeException e) {
      throw YshException.builder(ErrorCode.UNAUTHENTICATED)
          .detail("no Google credentials: pass a credentials file (credentialsFile=... in the URL), set"
              + " GOOGLE_APPLICATION_CREDENTIALS, run on Google Cloud, or " + otherwise)
          .cause(e).build();
    }
  }
}
