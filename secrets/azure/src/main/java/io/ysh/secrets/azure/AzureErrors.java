package io.ysh.secrets.azure;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.support.azure.AzureSdkErrors;
import java.util.Locale;

/**
 * Maps Key Vault failures by the Azure-wide rules ({@link AzureSdkErrors}: a credential that
 * cannot get a token is {@code UNAUTHENTICATED}, then the HTTP status), with Key Vault's one
 * nuance: a 409 about a deleted secret is {@code PRECONDITION_FAILED} (a deleted but recoverable
 * secret holds the name), any other 409 {@code ALREADY_EXISTS}. Key Vault error bodies ({@code
 * {"error":{"code","message"}}}) never contain secret values; the message keeps only the status.
 */
final class AzureErrors {

  private AzureErrors() {}

  static YshException map(Throwable t) {
    YshException y = AzureSdkErrors.map("Key Vault", t, (status, code, e) ->
        status == 409 && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("deleted")
            ? ErrorCode.PRECONDITION_FAILED : null);
    if (y.code() == ErrorCode.PRECONDITION_FAILED) {
      return y.toBuilder().detail(y.detail() + ": the name is held by a deleted but recoverable secret (recover or purge it)").build();
    }
    return y;
  }
}
