package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.Secret;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.resilience.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** A WireMock server for the marketplace resources' tests, and the bodies it received, parsed. */
final class Wire implements AutoCloseable {

  static final String KEY = "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDA=";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  Wire() {
    wm.start();
  }

  AsaasClient client() {
    return AsaasClient.builder()
        .apiKey(Secret.of(KEY))
        .baseUrl(wm.baseUrl() + "/v3")
        .logLevel(HttpLogLevel.NONE)
        .resilience(ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofSeconds(10))
            .retry(RetryPolicy.exponential(3, Duration.ofMillis(5), Duration.ofMillis(20))).build())
        .settleWindow(Duration.ofMillis(400))
        .settleBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .build();
  }

  /**
   * The body of the requests matching the pattern, parsed as JSON: at least one, and when a
   * retried PUT or GET was sent more than once, every copy the same.
   */
  JsonNode body(RequestPatternBuilder pattern) {
    List<LoggedRequest> found = wm.findAll(pattern);
    if (found.isEmpty()) {
      throw new AssertionError("no request matching " + pattern.build());
    }
    try {
      JsonNode first = AsaasJson.mapper().readTree(found.get(0).getBodyAsString());
      for (LoggedRequest r : found) {
        if (!first.equals(AsaasJson.mapper().readTree(r.getBodyAsString()))) {
          throw new AssertionError("requests matching " + pattern.build() + " carried different bodies");
        }
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one request matching the pattern. */
  LoggedRequest request(RequestPatternBuilder pattern) {
    List<LoggedRequest> found = wm.findAll(pattern);
    if (found.size() != 1) {
      throw new AssertionError("expected one request matching " + pattern.build() + ", got " + found.size());
    }
    return found.get(0);
  }

  @Override
  public void close() {
    wm.stop();
  }
}
