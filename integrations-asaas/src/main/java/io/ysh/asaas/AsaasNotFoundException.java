package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 404: the object does not exist (or the path is wrong). Code {@code NOT_FOUND}.
 */
public final class AsaasNotFoundException extends AsaasException {

  AsaasNotFoundException(YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }
}
