package io.ysh.asaas;

import io.ysh.core.YshException;
import java.util.List;
import java.util.Optional;

/**
 * The root of the Asaas client's typed errors. It is a {@link YshException}, so generic code can
 * switch on {@link #code()} and {@link #isRetryable()}; Asaas-aware code catches the subclasses:
 *
 * <ul>
 *   <li>{@link AsaasInvalidRequestException} (400, every {@code {code, description}} item);
 *   <li>{@link AsaasAuthenticationException} (401), {@link AsaasPermissionException} (403);
 *   <li>{@link AsaasNotFoundException} (404);
 *   <li>{@link AsaasRateLimitException} (429 with the reset time) and
 *       {@link AsaasQuotaExceededException} (429, the 12-hour quota is used up);
 *   <li>{@link AsaasServerException} (5xx) and {@link AsaasConnectionException} (no HTTP answer);
 *   <li>for creates: {@link AsaasOutcomeUnknownException} (it may exist; resolve with
 *       {@code reconcile}) and {@link AsaasConflictException} (something conflicting already
 *       exists; nothing was created).
 * </ul>
 *
 * <p>Each keeps the HTTP status, the request method and path (never the query string's
 * personal data, never the API key) and the raw response body passed through the default
 * redactor, so a 500 can be diagnosed without logging secrets.
 */
public class AsaasException extends YshException {

  /** The HTTP status, or 0 when no response arrived. */
  private final int httpStatus;
  /** The method and path of the request, such as {@code POST /v3/payments}. */
  private final String request;
  /** The redacted response body, or null. */
  private final String rawBody;
  /** The error items of the body, possibly empty; not serialized. */
  private final transient List<AsaasError> errors;
  /** The externalReference of the create that failed, or null. */
  private final String externalReference;

  /**
   * Creates an exception; for the client and its subclasses.
   *
   * @param builder the portable fields
   * @param httpStatus the HTTP status, or 0 when no response arrived
   * @param request the method and path
   * @param rawBody the redacted body, or null
   * @param errors the error items
   * @param externalReference the externalReference of the create that failed, or null
   */
  protected AsaasException(
      YshException.Builder builder,
      int httpStatus,
      String request,
      String rawBody,
      List<AsaasError> errors,
      String externalReference) {
    super(builder);
    this.httpStatus = httpStatus;
    this.request = request;
    this.rawBody = rawBody;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.externalReference = externalReference;
  }

  /**
   * The HTTP status Asaas answered.
   *
   * @return the status, or 0 when no response arrived
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The request that failed, as method and path (no query string, no headers).
   *
   * @return for example {@code POST /v3/payments}
   */
  public String request() {
    return request;
  }

  /**
   * The response body, redacted (CPF/CNPJ, tokens and card numbers masked).
   *
   * @return the body, if there was one
   */
  public Optional<String> rawBody() {
    return Optional.ofNullable(rawBody);
  }

  /**
   * The {@code errors} items of the body.
   *
   * @return the items, possibly empty, never null
   */
  public List<AsaasError> errors() {
    return errors == null ? List.of() : errors;
  }

  /**
   * For a failed create: the {@code externalReference} it carried. Only an
   * {@link AsaasOutcomeUnknownException} means the object may exist; every other failure of a
   * create means nothing was created by that call.
   *
   * @return the reference, if the failed call was a create
   */
  public Optional<String> externalReference() {
    return Optional.ofNullable(externalReference);
  }

  /**
   * Whether the request may have taken effect on the server although it failed here: a timeout,
   * a connection dropped after the request was sent, or a 5xx.
   *
   * @return true when the outcome is unknown
   */
  public boolean outcomeUnknown() {
    return false;
  }

  AsaasException withExternalReference(String reference) {
    return this;
  }
}
