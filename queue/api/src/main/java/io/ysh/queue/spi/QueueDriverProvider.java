package io.ysh.queue.spi;

import io.ysh.core.spi.DriverProvider;
import io.ysh.core.url.ResourceUrl;

/**
 * Opens queue drivers for the URL schemes it claims; registered in
 * {@code META-INF/services/io.ysh.queue.spi.QueueDriverProvider}.
 *
 * <p>Drivers must reject unknown query parameters with
 * {@link ResourceUrl#requireKnownParams(java.util.Set)}, accepting {@link QueueUrls#PORTABLE_PARAMS}
 * besides their own.
 */
public interface QueueDriverProvider extends DriverProvider {

  /**
   * Opens a publisher.
   *
   * @param url the parsed URL
   * @return the driver
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} for a malformed URL,
   *     {@code NOT_FOUND} when the destination does not exist and cannot be created,
   *     {@code UNAVAILABLE} when the provider cannot be reached
   */
  TopicDriver openTopic(ResourceUrl url);

  /**
   * Opens a consumer.
   *
   * @param url the parsed URL
   * @return the driver
   * @throws io.ysh.core.YshException as {@link #openTopic}
   */
  SubscriptionDriver openSubscription(ResourceUrl url);
}
