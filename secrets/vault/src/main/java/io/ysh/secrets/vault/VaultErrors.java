package io.ysh.secrets.vault;

import io.github.jopenlibs.vault.VaultException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.Locale;

/**
 * Maps Vault failures to portable errors by the HTTP status ({@link Errors#forHttpStatus(int)}:
 * 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 NOT_FOUND, 405
 * UNSUPPORTED, 429 RATE_LIMITED, 5xx UNAVAILABLE and retryable, as Vault's documentation says of
 * 500: "try again later"), with one nuance: 412 PRECONDITION_FAILED is retryable (a performance
 * standby catching up). A 503 from a sealed Vault says so. Messages carry the status and Vault's
 * {@code errors}, never request or response data.
 */
final class VaultErrors {

  private VaultErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof VaultHttpException h) {
      return fromStatus(h.status(), String.join("; ", h.errors()), t);
    }
    if (t instanceof VaultException v) {
      if (v.getHttpStatusCode() > 0) {
        // The driver's message quotes the response body: keep only what is known to be safe.
        String msg = v.getMessage() == null ? "" : v.getMessage().toLowerCase(Locale.ROOT);
        String detail = msg.contains("sealed") ? "Vault is sealed" : "";
        return fromStatus(v.getHttpStatusCode(), detail, withoutBody(v));
      }
      Throwable root = v;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root != v) {
        YshException c = Errors.classify(root);
        return YshException.builder(c.code()).detail("Vault request failed: " + c.detail()).cause(withoutBody(v)).build();
      }
      return YshException.builder(ErrorCode.UNKNOWN).detail("Vault driver failure").cause(withoutBody(v)).build();
    }
    return Errors.classify(t);
  }

  /** The driver's exception with its message (which may quote a response body) dropped. */
  private static Throwable withoutBody(VaultException v) {
    VaultException safe = new VaultException("Vault driver failure (HTTP " + v.getHttpStatusCode() + ")", v.getHttpStatusCode());
    if (v.getCause() != null) {
      safe.initCause(v.getCause());
    }
    safe.setStackTrace(v.getStackTrace());
    return safe;
  }

  static YshException fromStatus(int status, String vaultMessage, Throwable cause) {
    String what = switch (status) {
      case 400 -> "Vault rejected the request";
      case 401 -> "Vault needs a valid token";
      case 403 -> "permission denied: the token's policies do not allow this path";
      case 404 -> "no such secret or version (or it was deleted)";
      case 405 -> "Vault does not support this operation here (is the mount KV version 2?)";
      case 412 -> "Vault standby not yet consistent";
      case 429 -> "Vault rate limit";
      case 500 -> "Vault internal error";
      case 502, 503, 504 -> status == 503 && vaultMessage.toLowerCase(Locale.ROOT).contains("sealed")
          ? "Vault is sealed or in maintenance"
          : "Vault is unavailable";
      default -> "unexpected Vault status";
    };
    YshException.Builder b = YshException.builder(Errors.forHttpStatus(status))
        .detail(what + " (HTTP " + status + (vaultMessage.isEmpty() ? "" : ": " + vaultMessage) + ")")
        .cause(cause);
    if (status == 412) {
      // a performance standby that has not caught up yet: the same read succeeds a moment later
      b.retryable(true);
    }
    return b.build();
  }
}
