package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Webhook configurations and delivery: every event is posted with the
 * {@code asaas-access-token} header to each enabled webhook subscribed to it, one at a time per
 * simulator (Asaas's SEQUENTIALLY), retried, and the queue is paused after consecutive failures.
 * Only an HTTP 200 counts as delivered, as Asaas documents; any other answer, including other 2xx,
 * is a failure.
 */
final class WebhookDispatcher {

  private final Object lock;
  private final ObjectMapper mapper = Json.mapper();
  private final ExecutorService executor;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final SecureRandom random = new SecureRandom();

  // guarded by lock
  final Map<String, ObjectNode> configs = new LinkedHashMap<>();
  final Map<String, String> tokens = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, List<ObjectNode>> paused = new HashMap<>();
  boolean duplicates;
  int pauseAfter = 15;
  private final int maxAttempts;
  private final Duration retryDelay;

  final List<AsaasSimulator.WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

  WebhookDispatcher(Object lock, ExecutorService executor, int maxAttempts, Duration retryDelay) {
    this.lock = lock;
    this.executor = executor;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
  }

  /** Builds an event and queues it for every subscribed webhook; called with the lock held. */
  void event(String name, String family, ObjectNode object, long sequence, LocalDateTime at) {
    if (configs.isEmpty()) {
      return;
    }
    ObjectNode e = mapper.createObjectNode();
    e.put("id", "evt_" + hex(16) + "&" + sequence);
    e.put("event", name);
    e.put("dateCreated", SimState.TS.format(at));
    e.set(family, object.deepCopy());
    for (Map.Entry<String, ObjectNode> w : configs.entrySet()) {
      ObjectNode cfg = w.getValue();
      if (!cfg.path("enabled").asBoolean(true) || !subscribed(cfg, name)) {
        continue;
      }
      if (cfg.path("interrupted").asBoolean(false)) {
        paused.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(e);
        continue;
      }
      enqueue(w.getKey(), e);
      if (duplicates) {
        enqueue(w.getKey(), e);
      }
    }
  }

  private static boolean subscribed(ObjectNode cfg, String name) {
    JsonNode events = cfg.get("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      return true;
    }
    for (JsonNode ev : events) {
      if (name.equals(ev.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Resumes a paused queue; called with the lock held. */
  void removeBackoff(String webhookId) {
    failures.put(webhookId, 0);
    List<ObjectNode> pending = paused.remove(webhookId);
    if (pending != null) {
      pending.forEach(e -> enqueue(webhookId, e));
    }
  }

  void remove(String webhookId) {
    configs.remove(webhookId);
    tokens.remove(webhookId);
    failures.remove(webhookId);
    paused.remove(webhookId);
  }

  void reset() {
    configs.clear();
    tokens.clear();
    failures.clear();
    paused.clear();
    duplicates = false;
    pauseAfter = 15;
  }

  private void enqueue(String webhookId, ObjectNode event) {
    executor.execute(() -> deliver(webhookId, event));
  }

  private void deliver(String webhookId, ObjectNode event) {
    String url;
    String token;
    synchronized (lock) {
      ObjectNode cfg = configs.get(webhookId);
      if (cfg == null) {
        return;
      }
      if (cfg.path("interrupted").asBoolean(false)) {
        paused.computeIfAbsent(webhookId, k -> new ArrayList<>()).add(event);
        return;
      }
      url = cfg.get("url").asText();
      token = tokens.get(webhookId);
    }
    String eventId = event.get("id").asText();
    String name = event.get("event").asText();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      int status;
      try {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Asaas-Simulator/1.0")
            .POST(HttpRequest.BodyPublishers.ofString(event.toString()));
        if (token != null) {
          rb.header("asaas-access-token", token);
        }
        status = client.send(rb.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException | IllegalArgumentException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      deliveries.add(new AsaasSimulator.WebhookDelivery(webhookId, eventId, name, attempt, status));
      synchronized (lock) {
        if (status == 200) {
          failures.put(webhookId, 0);
          return;
        }
        int n = failures.merge(webhookId, 1, Integer::sum);
        ObjectNode cfg = configs.get(webhookId);
        if (cfg == null) {
          return;
        }
        if (n >= pauseAfter) {
          cfg.put("interrupted", true);
          paused.computeIfAbsent(webhookId, k -> new ArrayList<>()).add(event);
          return;
        }
      }
      try {
        TimeUnit.NANOSECONDS.sleep(retryDelay.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }
}
