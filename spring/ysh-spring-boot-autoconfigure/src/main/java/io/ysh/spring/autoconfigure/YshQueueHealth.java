package io.ysh.spring.autoconfigure;

import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The {@code yshQueues} indicator's work: one {@code ping} of every {@link Topic} and
 * {@link Subscription} bean (the application's own included), side by side, each bounded by
 * the health timeout (so the indicator answers within about one timeout however many there are). The indicator is DOWN when any is down (a missing queue or refused
 * credentials included); a driver without a reachability check ({@code UNSUPPORTED}) is UNKNOWN
 * and does not turn the indicator DOWN; the indicator is UNKNOWN when no bean could be checked.
 * Details: per bean name, its status and provider, and when not up the error code, never a URL or
 * a secret.
 */
final class YshQueueHealth {

  private final ListableBeanFactory beans;
  private final Duration timeout;
  private final ExecutorService pool;

  YshQueueHealth(ListableBeanFactory beans, Duration timeout, ExecutorService pool) {
    this.beans = beans;
    this.timeout = timeout;
    this.pool = pool;
  }

  YshHealthAutoConfiguration.Outcome check() {
    Map<String, YshHealthCheck> checks = new TreeMap<>();
    beans.getBeansOfType(Topic.class, false, false)
        .forEach((name, t) -> checks.put(name, new YshHealthCheck(t.provider(), () -> t.ping(timeout), timeout, pool, false)));
    beans.getBeansOfType(Subscription.class, false, false)
        .forEach((name, s) -> checks.put(name, new YshHealthCheck(s.provider(), () -> s.ping(timeout), timeout, pool, false)));
    Map<String, Object> details = new LinkedHashMap<>();
    boolean anyDown = false;
    boolean anyUp = false;
    Map<String, YshHealthCheck.Pending> started = new LinkedHashMap<>();
    checks.forEach((name, check) -> started.put(name, check.start()));
    for (Map.Entry<String, YshHealthCheck.Pending> e : started.entrySet()) {
      YshHealthCheck.Result r = e.getValue().await();
      String status = r.up() ? "UP" : "UNSUPPORTED".equals(r.details().get("error")) ? "UNKNOWN" : "DOWN";
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("status", status);
      d.putAll(r.details());
      details.put(e.getKey(), d);
      anyDown |= status.equals("DOWN");
      anyUp |= status.equals("UP");
    }
    return new YshHealthAutoConfiguration.Outcome(anyDown ? "DOWN" : anyUp ? "UP" : "UNKNOWN", details);
  }
}
