package io.ysh.queue;

import io.ysh.core.spi.DriverRegistry;
import io.ysh.core.url.ResourceUrl;
import io.ysh.queue.spi.QueueDriverProvider;
import io.ysh.queue.spi.QueueUrls;

/** The queue drivers on the classpath, discovered once. */
final class QueueRegistry {

  private static volatile DriverRegistry<QueueDriverProvider> registry;

  private QueueRegistry() {}

  static QueueDriverProvider forUrl(ResourceUrl url) {
    DriverRegistry<QueueDriverProvider> r = registry;
    if (r == null) {
      synchronized (QueueRegistry.class) {
        r = registry;
        if (r == null) {
          r = DriverRegistry.load("queue", QueueDriverProvider.class, QueueUrls.ARTIFACTS);
          registry = r;
        }
      }
    }
    return r.forUrl(url);
  }
}
