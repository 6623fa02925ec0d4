package io.ysh.secrets.gcp;

import io.ysh.core.YshException;
import io.ysh.support.gcp.GcpSdkErrors;

/**
 * Maps Secret Manager failures by the rules every GCP driver shares ({@link GcpSdkErrors}: the
 * gRPC status, as {@link io.ysh.core.Errors#forGrpcStatus(String)} documents; FAILED_PRECONDITION
 * is what Secret Manager answers for a disabled or destroyed version). Status messages never
 * contain payloads.
 */
final class GcpErrors {

  private GcpErrors() {}

  static YshException map(Throwable t) {
    return GcpSdkErrors.map("Secret Manager", t);
  }
}
