package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 403: the key may not do this, the caller's IP is not allowed, the account is blocked for abuse, or a GET was sent with a body. Code {@code PERMISSION_DENIED}; never retried.
 */
public final class AsaasPermissionException extends AsaasException {

  AsaasPermissionException(YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }
}
