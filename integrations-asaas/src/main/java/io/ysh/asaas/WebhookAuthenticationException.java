package io.ysh.asaas;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;

/**
 * A webhook request whose {@code asaas-access-token} header is missing or wrong. Code
 * {@code UNAUTHENTICATED}; answer 401 and do not process the body.
 */
public final class WebhookAuthenticationException extends YshException {

  /** Whether the header was absent (as opposed to wrong). */
  private final boolean missing;

  WebhookAuthenticationException(boolean missing) {
    super(YshException.builder(ErrorCode.UNAUTHENTICATED)
        .provider(AsaasTransport.PROVIDER)
        .operation("asaas.webhooks.verify")
        .detail(missing ? "asaas-access-token header is missing" : "asaas-access-token header does not match the configured token"));
    this.missing = missing;
  }

  /**
   * Whether the header was absent rather than wrong.
   *
   * @return true when missing
   */
  public boolean missing() {
    return missing;
  }
}
