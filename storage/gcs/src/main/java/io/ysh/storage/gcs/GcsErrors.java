package io.ysh.storage.gcs;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.BaseServiceException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.support.gcp.GcpSdkErrors;
import java.nio.file.FileAlreadyExistsException;

/**
 * Maps google-cloud-storage exceptions by the rules every GCP driver shares ({@link
 * GcpSdkErrors}: the HTTP status, as {@link io.ysh.core.Errors#forHttpStatus(int)} documents), wherever in the
 * chain the client put them, with GCS's nuances: an error this driver raised and carried through
 * an I/O exception comes back as it was; a failed create-only write reported without a status
 * (how google-cloud-nio's in-process fake reports {@code ifGenerationMatch(0)}; the real service
 * answers 412) is {@code PRECONDITION_FAILED}; a {@code Retry-After} header becomes the exception's
 * {@link YshException#retryAfter()}.
 */
final class GcsErrors {

  private GcsErrors() {}

  static YshException map(Throwable t) {
    YshException own = find(t, YshException.class);
    if (own != null) {
      return own;
    }
    BaseServiceException service = find(t, BaseServiceException.class);
    if (service == null) {
      return GcpSdkErrors.map("GCS", t);
    }
    if (service.getCode() <= 0 && find(t, FileAlreadyExistsException.class) != null) {
      return YshException.builder(ErrorCode.PRECONDITION_FAILED)
          .detail("the object already exists (create-only write)").cause(t).build();
    }
    YshException.Builder b = GcpSdkErrors.map("GCS", service).toBuilder().cause(t);
    HttpResponseException http = find(t, HttpResponseException.class);
    if (http != null && http.getHeaders() != null) {
      // a throttled or unavailable GCS may say how long to wait; the retry then waits that long
      Errors.retryAfter(http.getHeaders().getFirstHeaderStringValue("Retry-After")).ifPresent(b::retryAfter);
    }
    return b.build();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
