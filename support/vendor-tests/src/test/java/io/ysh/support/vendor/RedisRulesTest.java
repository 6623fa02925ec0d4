package io.ysh.support.vendor;

import static io.ysh.support.vendor.Drivers.agree;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.ysh.cache.redis.RedisCacheDriverProvider;
import io.ysh.cache.spi.CacheDriver;
import io.ysh.core.ErrorCode;
import io.ysh.core.url.ResourceUrl;
import io.ysh.support.vendor.Drivers.Driver;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis cache and the Redis Streams queue map the same Lettuce failures to the same portable code. */
class RedisRulesTest {

  static CacheDriver cache;
  static List<Driver> all;

  @BeforeAll
  static void drivers() {
    // the cache's mapper is built by the driver (it scrubs the URL's password): open one, it connects lazily
    cache = new RedisCacheDriverProvider().open(ResourceUrl.parse("redis://:not-used-pw@127.0.0.1:1/0"));
    all = List.of(new Driver("redis (cache)", cache.errorMapper()), Drivers.of("redis-stream", "io.ysh.queue.redis.RedisErrors"));
  }

  @AfterAll
  static void close() throws Exception {
    cache.close();
  }

  private static void reply(String reply, ErrorCode expected) {
    agree(all, reply, () -> new RedisCommandExecutionException(reply), expected);
  }

  @Test
  void errorReplies() {
    reply("OOM command not allowed when used memory > 'maxmemory'.", ErrorCode.UNAVAILABLE);
    reply("ERR unknown command 'XAUTOCLAIM', with args beginning with: ", ErrorCode.UNSUPPORTED);
    reply("ERR Error running script (call to f_1): @user_script:1: boom", ErrorCode.UNKNOWN);
    reply("NOGROUP No such key 'orders' or consumer group 'billing'", ErrorCode.NOT_FOUND);
    reply("WRONGTYPE Operation against a key holding the wrong kind of value", ErrorCode.PRECONDITION_FAILED);
    reply("ERR value is not an integer or out of range", ErrorCode.PRECONDITION_FAILED);
    reply("ERR increment or decrement would overflow", ErrorCode.PRECONDITION_FAILED);
    reply("LOADING Redis is loading the dataset in memory", ErrorCode.UNAVAILABLE);
    reply("BUSY Redis is busy running a script.", ErrorCode.UNAVAILABLE);
    reply("CLUSTERDOWN The cluster is down", ErrorCode.UNAVAILABLE);
    reply("READONLY You can't write against a read only replica.", ErrorCode.UNAVAILABLE);
    reply("MOVED 3999 127.0.0.1:6381", ErrorCode.UNAVAILABLE);
    reply("NOPERM User app has no permissions to run the 'flushall' command", ErrorCode.PERMISSION_DENIED);
    reply("WRONGPASS invalid username-password pair or user is disabled.", ErrorCode.UNAUTHENTICATED);
    reply("NOAUTH Authentication required.", ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void clientFailures() {
    agree(all, "AUTH failure inside a connect failure", () -> new RedisConnectionException("Unable to connect",
        new RedisCommandExecutionException("WRONGPASS invalid username-password pair")), ErrorCode.UNAUTHENTICATED);
    agree(all, "refused", () -> new RedisConnectionException("Unable to connect to 127.0.0.1:1"), ErrorCode.UNAVAILABLE);
    agree(all, "closed", () -> new RedisException("Connection closed"), ErrorCode.UNAVAILABLE);
    agree(all, "reset", () -> new RedisException("boom", new IOException("Connection reset by peer")), ErrorCode.UNAVAILABLE);
    agree(all, "timeout", () -> new RedisCommandTimeoutException("Command timed out after 1 second(s)"), ErrorCode.TIMEOUT);
    agree(all, "something else", () -> new RedisException("odd"), ErrorCode.UNKNOWN);
    try {
      agree(all, "interrupted", () -> new RedisCommandInterruptedException(new InterruptedException()), ErrorCode.CANCELLED);
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
