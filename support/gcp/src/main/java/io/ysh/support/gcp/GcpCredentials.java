package io.ysh.support.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Google credentials, read the same way by every GCP driver: {@code credentialsFile=} names a
 * credentials JSON file (a service-account key, or a workload-identity-federation configuration);
 * without it the driver uses Application Default Credentials ({@code GOOGLE_APPLICATION_CREDENTIALS},
 * gcloud's user credentials, the metadata server on Google Cloud). Errors name the problem and
 * never quote the file.
 */
public final class GcpCredentials {

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS = Set.of("credentialsFile");

  private GcpCredentials() {}

  /**
   * Reads {@code credentialsFile=} from a URL.
   *
   * @param url the URL
   * @return the credentials, or empty when the URL names no file (use Application Default
   *     Credentials)
   * @throws YshException {@code INVALID_ARGUMENT} when the file cannot be read or is not a
   *     credentials JSON
   */
  public static Optional<GoogleCredentials> fromUrl(ResourceUrl url) {
    return url.param("credentialsFile").map(GcpCredentials::fromFile);
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
