package io.ysh.storage;

import io.ysh.core.Args;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A signed URL and what a plain HTTP client must send with it (from {@link ObjectStorage#signedUrl}).
 *
 * <p>Some providers refuse a request through a signed URL unless it carries certain headers:
 * Azure needs {@code x-ms-blob-type: BlockBlob} on a {@code PUT}, and a URL signed for a content
 * type needs that {@code Content-Type}. Send every entry of {@link #requiredHeaders()}.
 *
 * @param uri the URL
 * @param method the HTTP method it allows
 * @param expiresAt when it stops working (approximately: computed from the requested expiry)
 * @param requiredHeaders the headers the request must carry, exactly as given; empty when none
 */
public record SignedUrl(URI uri, SignedUrlMethod method, Instant expiresAt, Map<String, String> requiredHeaders) {

  /**
   * Checks for nulls and copies the headers.
   *
   * @param uri the URL
   * @param method the method
   * @param expiresAt the expiry
   * @param requiredHeaders the headers
   */
  public SignedUrl {
    Args.notNull(uri, "uri");
    Args.notNull(method, "method");
    Args.notNull(expiresAt, "expiresAt");
    requiredHeaders = requiredHeaders == null ? Map.of() : Map.copyOf(requiredHeaders);
  }

  /** The URL only: it authorises whoever holds it, so it is never printed. */
  @Override
  public String toString() {
    return "SignedUrl[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
        + "?<signature redacted>, expiresAt=" + expiresAt + ", requiredHeaders=" + requiredHeaders + "]";
  }
}
