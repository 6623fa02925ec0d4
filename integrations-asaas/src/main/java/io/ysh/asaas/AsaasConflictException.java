package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;

/**
 * A create conflicts with something that already exists, so it was not made (code
 * {@code ALREADY_EXISTS}, not retryable):
 *
 * <ul>
 *   <li>the {@code externalReference} is already used by an object whose fields differ from the
 *       request (a reference reused for a different charge is an error, never a match): see
 *       {@link #existingIds()} and {@link #externalReference()};
 *   <li>Asaas answered 409 to a transfer because an identical one (same value, same destination)
 *       was made within the last 15 minutes, and that one is not this request's: its id is in
 *       {@link #existingIds()} when the client could find it.
 * </ul>
 *
 * <p>Nothing was sent, or Asaas refused it: no money moved because of this call.
 */
public final class AsaasConflictException extends AsaasException {

  /** The ids of the existing objects the request conflicts with. */
  private final List<String> existingIds;

  AsaasConflictException(
      YshException.Builder builder, int httpStatus, String request, String rawBody, List<AsaasError> errors, String externalReference,
      List<String> existingIds) {
    super(builder, httpStatus, request, rawBody, errors, externalReference);
    this.existingIds = List.copyOf(existingIds);
  }

  static AsaasConflictException reused(String op, String request, String reference, List<String> ids) {
    YshException.Builder b = YshException.builder(io.ysh.core.ErrorCode.ALREADY_EXISTS)
        .operation("asaas." + op)
        .provider(AsaasTransport.PROVIDER)
        .retryable(false)
        .detail(request + ": externalReference " + reference + " is already used by " + ids
            + " whose customer, value or dates differ from this request; use a new reference for a different object");
    return new AsaasConflictException(b, 0, request, null, List.of(), reference, ids);
  }

  /**
   * The existing objects this create conflicts with.
   *
   * @return their ids, possibly empty when Asaas refused with 409 and the client could not find
   *     the identical object
   */
  public List<String> existingIds() {
    return existingIds;
  }

  @Override
  AsaasException withExternalReference(String reference) {
    if (externalReference().isPresent()) {
      return this;
    }
    YshException.Builder b = toBuilder().detail(detail() + " (externalReference " + reference + ")");
    AsaasConflictException e = new AsaasConflictException(b, httpStatus(), request(), rawBody().orElse(null), errors(), reference, existingIds);
    e.setStackTrace(getStackTrace());
    return e;
  }

  AsaasConflictException withExistingIds(String detail, List<String> ids) {
    YshException.Builder b = toBuilder().retryable(false).detail(detail);
    AsaasConflictException e = new AsaasConflictException(b, httpStatus(), request(), rawBody().orElse(null), errors(),
        externalReference().orElse(null), ids);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
