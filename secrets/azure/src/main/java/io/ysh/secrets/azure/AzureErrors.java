package io.ysh.secrets.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.Locale;

/**
 * Maps Key Vault failures by HTTP status: 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403
 * PERMISSION_DENIED, 404 NOT_FOUND, 409 PRECONDITION_FAILED (a deleted but recoverable secret
 * holds the name) or ALREADY_EXISTS, 429 RATE_LIMITED, 5xx UNAVAILABLE. Credential failures are
 * UNAUTHENTICATED. Key Vault error bodies ({@code {"error":{"code","message"}}}) never contain
 * secret values; only their code is kept in the message.
 */
final class AzureErrors {

  private AzureErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof ClientAuthenticationException e) {
      return YshException.builder(ErrorCode.UNAUTHENTICATED)
          .detail("Key Vault rejected the credential (HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatusCode()) + ")")
          .cause(e).build();
    }
    if (t instanceof HttpResponseException e && e.getResponse() != null) {
      int status = e.getResponse().getStatusCode();
      String message = e.getMessage() == null ? "" : e.getMessage();
      String lower = message.toLowerCase(Locale.ROOT);
      ErrorCode code = switch (status) {
        case 400 -> ErrorCode.INVALID_ARGUMENT;
        case 401 -> ErrorCode.UNAUTHENTICATED;
        case 403 -> ErrorCode.PERMISSION_DENIED;
        case 404 -> ErrorCode.NOT_FOUND;
        case 409 -> lower.contains("deleted") ? ErrorCode.PRECONDITION_FAILED : ErrorCode.ALREADY_EXISTS;
        case 429 -> ErrorCode.RATE_LIMITED;
        default -> status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.UNKNOWN;
      };
      String detail = "Key Vault answered HTTP " + status;
      if (code == ErrorCode.PRECONDITION_FAILED) {
        detail += ": the name is held by a deleted but recoverable secret (recover or purge it)";
      }
      return YshException.builder(code).detail(detail).cause(e).build();
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root && !(root instanceof java.io.IOException)) {
      root = root.getCause();
    }
    if (root != t) {
      YshException inner = Errors.classify(root);
      return YshException.builder(inner.code()).detail("Key Vault call failed: " + inner.detail()).cause(t).build();
    }
    return Errors.classify(t);
  }
}
