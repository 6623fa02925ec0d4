package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ysh.testkit.http.Exchanges;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the simulator: reads each exchange, applies the gate, the fault rules and the
 * card processing delay, routes the request under the state lock, and answers (or does not).
 * Counts requests in flight and deferred commits so tests can wait until the simulator is idle.
 */
final class HttpFront {

  private static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");

  private final SimState state;
  private final Gate gate;
  private final Accounts accounts;
  private final SimulatorFaults faults;
  private final ScheduledExecutorService scheduler;
  final List<String> requestLog = new CopyOnWriteArrayList<>();
  private final AtomicInteger busy = new AtomicInteger();

  HttpFront(SimState state, Gate gate, Accounts accounts, SimulatorFaults faults, ScheduledExecutorService scheduler) {
    this.state = state;
    this.gate = gate;
    this.accounts = accounts;
    this.faults = faults;
    this.scheduler = scheduler;
    state.deferred = this::later;
  }

  /** Runs a state change after a delay, with the lock held; counted as pending work. */
  void later(Duration delay, Runnable task) {
    busy.incrementAndGet();
    try {
      scheduler.schedule(() -> {
        try {
          synchronized (state.lock) {
            task.run();
          }
        } catch (RuntimeException ignored) {
          // A late commit that Asaas would have refused (a 400) simply does not happen.
        } finally {
          busy.decrementAndGet();
        }
      }, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException rejected) {
      busy.decrementAndGet();
    }
  }

  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (busy.get() > 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  void serve(HttpExchange ex) throws IOException {
    busy.incrementAndGet();
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String fullPath = ex.getRequestURI().getRawPath();
    String path = fullPath.startsWith("/v3") ? fullPath.substring(3) : fullPath;
    requestLog.add(method + " " + path);
    boolean isGet = method.equals("GET") || method.equals("HEAD");
    if (isGet) {
      gate.enterGet();
    }
    try {
      Exchanges.sleep(faults.latency());
      byte[] body = ex.getRequestBody().readAllBytes();
      if (!fullPath.startsWith("/v3/")) {
        send(ex, 404, errorBody("not_found", "unknown path"));
        return;
      }
      Gate.Refusal refusal = gate.check(ex.getRequestHeaders().getFirst("access_token"), ex.getRequestHeaders().getFirst("User-Agent"),
          isGet, body.length);
      if (refusal != null) {
        if (refusal.reset() != null) {
          ex.getResponseHeaders().set("RateLimit-Reset", Integer.toString(refusal.reset()));
        }
        if (refusal.rateLimitRemaining() != null) {
          rateHeaders(ex, refusal.rateLimitRemaining(), refusal.reset());
        }
        send(ex, refusal.status(), errorBody(refusal.code(), refusal.description()));
        return;
      }
      // the account whose key was sent: the root account or a subaccount, each with its own state
      Router router = accounts.forKey(ex.getRequestHeaders().getFirst("access_token")).router();
      SimulatorFaults.Rule fault = faults.take(method, path);
      SimulatorFaults.Kind kind = fault == null ? null : fault.kind;
      if (kind == SimulatorFaults.Kind.STATUS) {
        send(ex, fault.status, errorBody("internal_error", "Erro interno simulado"));
        return;
      }
      if (kind == SimulatorFaults.Kind.DROP_BEFORE) {
        Exchanges.drop(ex);
        return;
      }
      SimRequest request;
      try {
        request = request(method, path, ex.getRequestURI().getRawQuery(), body, ex.getRequestHeaders().getFirst("Content-Type"));
      } catch (IOException | ClassCastException | IllegalArgumentException e) {
        send(ex, 400, errorBody("invalid_json", "Corpo da requisição não é um JSON válido"));
        return;
      }
      if (kind == SimulatorFaults.Kind.LATE_DROP) {
        later(fault.delay, () -> router.route(request));
        Exchanges.drop(ex);
        return;
      }
      if (kind == SimulatorFaults.Kind.LATE_HANG) {
        Exchanges.sleep(fault.delay);
        try {
          synchronized (state.lock) {
            router.route(request);
          }
        } catch (ApiError ignored) {
          // refused late: nothing committed, and nobody is listening for the answer
        }
        Exchanges.drop(ex);
        return;
      }
      if (PaymentsApi.isCardCharge(request)) {
        Exchanges.sleep(faults.cardProcessing());
      }
      int status = 200;
      byte[] answer;
      try {
        JsonNode result;
        synchronized (state.lock) {
          result = router.route(request);
          answer = state.mapper.writeValueAsBytes(result);
        }
      } catch (ApiError e) {
        status = e.status;
        answer = errorBody(e.code, e.getMessage());
      }
      if (kind == SimulatorFaults.Kind.DROP_AFTER) {
        Exchanges.drop(ex); // committed, but the client never hears about it
        return;
      }
      if (kind == SimulatorFaults.Kind.STATUS_AFTER) {
        send(ex, fault.status, errorBody("internal_error", "Erro interno simulado (a operação foi concluída)"));
        return;
      }
      if (kind == SimulatorFaults.Kind.DELAY_AFTER) {
        Exchanges.sleep(fault.delay);
      }
      rateHeaders(ex, 99, 60);
      send(ex, status, answer);
    } catch (IOException | RuntimeException e) {
      try {
        send(ex, 500, errorBody("internal_error", "simulator failure: " + e));
      } catch (IOException | RuntimeException ignored) {
        ex.close();
      }
    } finally {
      if (isGet) {
        gate.leaveGet();
      }
      busy.decrementAndGet();
    }
  }

  private SimRequest request(String method, String path, String rawQuery, byte[] body, String contentType) throws IOException {
    boolean trailingSlash = path.length() > 1 && path.endsWith("/");
    List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toList());
    JsonNode json = Forms.isMultipart(contentType) ? Forms.parse(contentType, body, state.mapper.createObjectNode())
        : body.length == 0 ? state.mapper.createObjectNode() : state.mapper.readTree(body);
    if (!(json instanceof ObjectNode)) {
      throw new ClassCastException("not an object");
    }
    return new SimRequest(method, path, List.copyOf(segments), trailingSlash, Exchanges.query(rawQuery), json);
  }

  private static void rateHeaders(HttpExchange ex, int remaining, Integer reset) {
    ex.getResponseHeaders().set("RateLimit-Limit", "100");
    ex.getResponseHeaders().set("RateLimit-Remaining", Integer.toString(remaining));
    ex.getResponseHeaders().set("RateLimit-Reset", Integer.toString(reset == null ? 60 : reset));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    Exchanges.send(ex, status, JSON_CONTENT, body);
  }

  private byte[] errorBody(String code, String description) {
    ObjectNode root = state.mapper.createObjectNode();
    ObjectNode item = root.putArray("errors").addObject();
    item.put("code", code);
    item.put("description", description);
    try {
      return state.mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
