package io.ysh.examples;

import io.ysh.examples.solar.SolarQuote;
import java.time.Duration;
import java.util.Map;

/**
 * What a run of {@link QuickStartDemo} did, for tests and for callers that want more than the
 * printed report.
 *
 * @param tariff the tariff priced
 * @param tariffLoads how many times the tariff was loaded from ANEEL (1: the second lookup hit the cache)
 * @param secondLookupHit whether the second tariff lookup was a cache hit
 * @param quote the computed quote
 * @param quoteKey the object key of the stored quote
 * @param storedStatus the quote's status as read back from storage at the end (PAID on success)
 * @param paymentId the Asaas payment
 * @param pixPayload the PIX copia-e-cola payload
 * @param webhookDeliveries how many webhook deliveries reached the endpoint
 * @param webhookProcessed how many of them were processed (the rest were duplicates)
 * @param consumedEvents the event types the queue consumer handled, in order
 * @param timings the duration of each step, in order
 */
public record DemoResult(
    TariffSnapshot tariff,
    int tariffLoads,
    boolean secondLookupHit,
    SolarQuote quote,
    String quoteKey,
    String storedStatus,
    String paymentId,
    String pixPayload,
    int webhookDeliveries,
    int webhookProcessed,
    java.util.List<String> consumedEvents,
    Map<String, Duration> timings) {

  /**
   * Copies the collections.
   *
   * @param tariff see the record
   * @param tariffLoads see the record
   * @param secondLookupHit see the record
   * @param quote see the record
   * @param quoteKey see the record
   * @param storedStatus see the record
   * @param paymentId see the record
   * @param pixPayload see the record
   * @param webhookDeliveries see the record
   * @param webhookProcessed see the record
   * @param consumedEvents see the record
   * @param timings see the record
   */
  public DemoResult {
    consumedEvents = java.util.List.copyOf(consumedEvents);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }
}
