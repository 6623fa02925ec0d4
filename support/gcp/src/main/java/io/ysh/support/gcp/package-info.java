/**
 * Internal: the Google Cloud rules that the GCS, Pub/Sub and Secret Manager drivers share, written
 * once. {@link io.ysh.support.gcp.GcpSdkErrors} maps Google client failures (gRPC statuses, gax
 * {@code ApiException}s, the HTTP statuses of {@code BaseServiceException}s) to portable codes;
 * {@link io.ysh.support.gcp.GcpCredentials} reads credentials from a URL. For YSH drivers only: no
 * compatibility promise to applications.
 */
package io.ysh.support.gcp;
