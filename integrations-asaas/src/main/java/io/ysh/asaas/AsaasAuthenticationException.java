package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 401: the API key is missing, wrong, revoked, or belongs to the other environment. Code {@code UNAUTHENTICATED}; never retried.
 */
public final class AsaasAuthenticationException extends AsaasException {

  AsaasAuthenticationException(YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }
}
