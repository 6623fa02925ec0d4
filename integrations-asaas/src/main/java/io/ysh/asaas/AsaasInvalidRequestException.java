package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * Asaas answered 400: the request was refused as invalid. {@link #errors()} holds every
 * {@code {code, description}} item Asaas sent (there may be several). Code
 * {@code INVALID_ARGUMENT}; never retried. Nothing was created.
 */
public final class AsaasInvalidRequestException extends AsaasException {

  AsaasInvalidRequestException(
      YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
  }

  /**
   * Whether one of the error items has the given code.
   *
   * @param code an Asaas error code such as {@code invalid_value}
   * @return true when an item has that code
   */
  public boolean hasCode(String code) {
    return errors().stream().anyMatch(e -> code.equals(e.code()));
  }
}
