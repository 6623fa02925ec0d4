package io.ysh.storage.azure;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.support.azure.AzureSdkErrors;

/**
 * Maps Azure SDK exceptions of Blob Storage calls: the Azure-wide rules ({@link AzureSdkErrors}),
 * then Blob Storage's one nuance: a 409 is {@code PRECONDITION_FAILED}, because Blob Storage
 * answers 409 {@code BlobAlreadyExists} to a create-only write ({@code If-None-Match: *}) and 409
 * to writes that conflict with the blob's state (a lease, a pending copy); the rest by HTTP status.
 */
final class AzureErrors {

  private AzureErrors() {}

  static YshException map(Throwable t) {
    return AzureSdkErrors.map("Azure Blob Storage", t, (status, code, e) -> status == 409 ? ErrorCode.PRECONDITION_FAILED : null);
  }
}
