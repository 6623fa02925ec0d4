package io.ysh.queue.azure;

import io.ysh.core.YshException;
import io.ysh.core.spi.ProviderCall;
import io.ysh.support.azure.AzureSdkErrors;

/**
 * Maps Azure SDK exceptions of Queue Storage calls by the Azure-wide rules ({@link
 * AzureSdkErrors}); Queue Storage has no nuance of its own.
 */
final class AzureErrors {

  private AzureErrors() {}

  static YshException map(Throwable t) {
    return AzureSdkErrors.map("Azure Queue Storage", t, AzureSdkErrors.ServiceCodes.NONE);
  }

  static <T> T open(AzureQueueDriverProvider.Settings s, ProviderCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      YshException y = map(e);
      throw y.toBuilder().operation("queue.open").provider("azqueue").resource(s.queue).build();
    }
  }
}
