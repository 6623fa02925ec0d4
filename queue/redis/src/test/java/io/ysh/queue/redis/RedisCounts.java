package io.ysh.queue.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Broker-side counts for the tests' "nothing left" checks, from XINFO GROUPS. */
final class RedisCounts {

  private RedisCounts() {}

  /**
   * The entries of {@code stream} the consumer group has not acked: its pending entries plus the
   * ones it has not read yet (its lag); 0 when there is no such stream.
   */
  static long messagesLeft(RedisCommands<String, String> redis, String stream, String group) {
    if (redis.exists(stream) == 0) {
      return 0;
    }
    for (Object g : redis.xinfoGroups(stream)) {
      List<?> flat = (List<?>) g;
      Map<String, Object> info = new HashMap<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        info.put(String.valueOf(flat.get(i)), flat.get(i + 1));
      }
      if (group.equals(String.valueOf(info.get("name")))) {
        long pending = ((Number) info.get("pending")).longValue();
        Object lag = info.get("lag");
        if (lag == null) {
          throw new IllegalStateException("Redis cannot tell the lag of group " + group + " on " + stream);
        }
        return pending + ((Number) lag).longValue();
      }
    }
    return redis.xlen(stream); // no group yet: nothing was read
  }
}
