package io.ysh.secrets.vault;

import io.github.jopenlibs.vault.VaultException;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.util.Locale;

/**
 * Maps Vault failures to portable errors: 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403
 * PERMISSION_DENIED, 404 NOT_FOUND, 405 UNSUPPORTED, 412 PRECONDITION_FAILED (retryable: a
 * performance standby catching up), 429 RATE_LIMITED, 500 INTERNAL, 502/503/504 UNAVAILABLE
 * (retryable; 503 from a sealed Vault says so). Messages carry the status and Vault's
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
    ErrorCode code;
    String what;
    switch (status) {
      case 400 -> {
        code = ErrorCode.INVALID_ARGUMENT;
        what = "Vault rejected the request";
      }
      case 401 -> {
        code = ErrorCode.UNAUTHENTICATED;
        what = "Vault needs a valid token";
      }
      case 403 -> {
        code = ErrorCode.PERMISSION_DENIED;
        what = "permission denied: the token's policies do not allow this path";
      }
      case 404 -> {
        code = ErrorCode.NOT_FOUND;
        what = "no such secret or version (or it was deleted)";
      }
      case 405 -> {
        code = ErrorCode.UNSUPPORTED;
        what = "Vault does not support this operation here (is the mount KV version 2?)";
      }
      case 412 -> {
        code = ErrorCode.PRECONDITION_FAILED;
        what = "Vault standby not yet consistent";
      }
      case 429 -> {
        code = ErrorCode.RATE_LIMITED;
        what = "Vault rate limit";
      }
      case 500 -> {
        code = ErrorCode.INTERNAL;
        what = "Vault internal error";
      }
      case 502, 503, 504 -> {
        code = ErrorCode.UNAVAILABLE;
        what = status == 503 && vaultMessage.toLowerCase(Locale.ROOT).contains("sealed")
            ? "Vault is sealed or in maintenance"
            : "Vault is unavailable";
      }
      default -> {
        code = status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.UNKNOWN;
        what = "unexpected Vault status";
      }
    }
    YshException.Builder b = YshException.builder(code)
        .detail(what + " (HTTP " + status + (vaultMessage.isEmpty() ? "" : ": " + vaultMessage) + ")")
        .cause(cause);
    if (status == 412) {
      b.retryable(true);
    }
    return b.build();
  }
}
