package io.ysh.testkit.asaas;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Authentication and quota, checked before a request reaches a resource: the
 * {@code access_token} header (401), a mandatory User-Agent (400), a GET with a body (403), the
 * 12-hour quota and rate limits on demand (429 with {@code RateLimit-*} headers), and at most 50
 * concurrent GETs (429).
 */
final class Gate {

  static final int MAX_CONCURRENT_GETS = 50;

  /** Why a request is refused, or null. */
  record Refusal(int status, String code, String description, Integer rateLimitRemaining, Integer reset) {}

  private final java.util.function.Predicate<String> knownKey;
  private final AtomicInteger inFlightGets = new AtomicInteger();
  private int rateLimitedRemaining;
  private int rateLimitReset;
  private boolean quotaExhausted;

  /** @param knownKey whether a key belongs to an account of the simulator (the root's or a subaccount's) */
  Gate(java.util.function.Predicate<String> knownKey) {
    this.knownKey = knownKey;
  }

  synchronized void rateLimitNext(int count, int resetSeconds) {
    rateLimitedRemaining = count;
    rateLimitReset = resetSeconds;
  }

  synchronized void exhaustQuota(boolean exhausted) {
    quotaExhausted = exhausted;
  }

  synchronized void reset() {
    rateLimitedRemaining = 0;
    quotaExhausted = false;
  }

  void enterGet() {
    inFlightGets.incrementAndGet();
  }

  void leaveGet() {
    inFlightGets.decrementAndGet();
  }

  Refusal check(String key, String userAgent, boolean isGet, int bodyLength) {
    if (key == null || !knownKey.test(key)) {
      return new Refusal(401, "invalid_access_token", "A chave de API informada não pertence a este ambiente", null, null);
    }
    if (userAgent == null || userAgent.isBlank()) {
      return new Refusal(400, "invalid_user_agent", "O header User-Agent é obrigatório", null, null);
    }
    if (isGet && bodyLength > 0) {
      return new Refusal(403, "forbidden", "Requisições GET não podem ter corpo", null, null);
    }
    synchronized (this) {
      if (quotaExhausted) {
        return new Refusal(429, "quota_exceeded", "Cota de requisições da API excedida (25000 em 12 horas)", null, 43200);
      }
      if (rateLimitedRemaining > 0) {
        rateLimitedRemaining--;
        return new Refusal(429, "rate_limit_exceeded", "Limite de requisições excedido", 0, rateLimitReset);
      }
    }
    if (isGet && inFlightGets.get() > MAX_CONCURRENT_GETS) {
      return new Refusal(429, "too_many_concurrent_requests", "Limite de 50 requisições GET concorrentes excedido", null, null);
    }
    return null;
  }
}
