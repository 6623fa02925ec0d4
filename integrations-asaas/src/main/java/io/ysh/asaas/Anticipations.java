package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import io.ysh.core.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Anticipations ({@code /anticipations}): receive a payment's (or an installment plan's) value
 * before it is due, less a fee. Obtain from {@link AsaasClient#anticipations()}. Thread-safe.
 *
 * <p>Source: docs.asaas.com "Antecipações" and the official schema's AnticipationService
 * (asaasdev/asaas-api-sdk-java, documentation/services): {@code POST /v3/anticipations/simulate}
 * (JSON), {@code POST /v3/anticipations} (a multipart form: payment or installment, and an
 * optional {@code documents} file, not offered here), {@code GET /v3/anticipations} (payment,
 * installment, status), {@code GET /v3/anticipations/{id}}, {@code POST /v3/anticipations/{id}/cancel},
 * {@code GET /v3/anticipations/limits}, {@code GET/PUT /v3/anticipations/configurations}.
 *
 * <p>{@link #request(AnticipationRequest)} follows the exactly-once protocol of {@link Payments},
 * keyed by the payment or plan (an anticipation has no {@code externalReference}): requests for
 * the same payment or plan are serialized in this client; after an ambiguous failure the live
 * anticipation of the payment or plan (any status but DENIED or CANCELLED) is looked up and
 * returned, never requested twice; {@link AsaasOutcomeUnknownException} otherwise, resolved by
 * {@link #reconcile(AnticipationRequest)}. A completed request is not remembered: asking again
 * posts again (Asaas refuses a payment that is already anticipated, and accepts one whose
 * anticipation was cancelled or denied). A simulation changes nothing and
 * is retried like a read; so is the configuration's PUT. Cancel is not retried.
 */
public final class Anticipations {

  private static final Set<AnticipationStatus> DEAD = Set.of(AnticipationStatus.DENIED, AnticipationStatus.CANCELLED);

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType simulation;
  private final JavaType limits;
  private final JavaType configuration;

  Anticipations(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Anticipation.class);
    this.page = t.pageOf(Anticipation.class);
    this.simulation = t.type(AnticipationSimulation.class);
    this.limits = t.type(AnticipationLimits.class);
    this.configuration = t.type(AnticipationConfiguration.class);
  }

  /**
   * What anticipating would cost; nothing is requested.
   *
   * @param request the payment or installment plan
   * @return the simulation
   */
  public AnticipationSimulation simulate(AnticipationRequest request) {
    Validation.required("request", request);
    return t.send("anticipations.simulate", "POST", "/anticipations/simulate", request, simulation, true);
  }

  /**
   * Requests an anticipation, at most once per payment or plan.
   *
   * @param request the payment or installment plan
   * @return the anticipation (PENDING while Asaas analyses it)
   * @throws AsaasOutcomeUnknownException when it may have been requested but did not appear:
   *     resolve with {@link #reconcile(AnticipationRequest)}
   */
  public Anticipation request(AnticipationRequest request) {
    Validation.required("request", request);
    String target = request.payment() != null ? "payment:" + request.payment() : "installment:" + request.installment();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("payment", request.payment());
    form.put("installment", request.installment());
    return once.run(new ExactlyOnce.Spec<>(
        "anticipations.request",
        "POST " + t.basePath() + "/anticipations",
        "anticipations:" + target,
        target,
        () -> request,
        () -> {},
        () -> t.attemptCreateForm("anticipations.request", "/anticipations", form, one),
        () -> lookup(request),
        id -> {
          Anticipation a = get(id);
          return sameTarget(request, a) ? new ExactlyOnce.Match.Found<>(a) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        Anticipation::id,
        false));
  }

  /**
   * Resolves a request whose outcome was unknown: the live anticipation of the payment or plan.
   * Never requests.
   *
   * @param request the request as sent
   * @return the anticipation, or empty when none is live
   */
  public Optional<Anticipation> reconcile(AnticipationRequest request) {
    Validation.required("request", request);
    return lookup(request) instanceof ExactlyOnce.Match.Found<Anticipation> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<Anticipation> lookup(AnticipationRequest request) {
    AnticipationFilter filter = request.payment() != null ? AnticipationFilter.all().payment(request.payment())
        : AnticipationFilter.all().installment(request.installment());
    for (Anticipation a : list(filter, 0, 100).data()) {
      if (sameTarget(request, a) && !DEAD.contains(a.status())) {
        return new ExactlyOnce.Match.Found<>(a);
      }
    }
    return new ExactlyOnce.Match.Absent<>();
  }

  private static boolean sameTarget(AnticipationRequest r, Anticipation a) {
    return r.payment() != null ? r.payment().equals(a.payment()) : r.installment().equals(a.installment());
  }

  /**
   * Gets an anticipation.
   *
   * @param id the anticipation's id
   * @return the anticipation
   */
  public Anticipation get(String id) {
    return t.get("anticipations.get", "/anticipations/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of anticipations.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Anticipation> list(AnticipationFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("anticipations.list", "/anticipations", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching anticipation lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Anticipation> stream(AnticipationFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Anticipation::id);
  }

  /**
   * Cancels a pending anticipation. Not retried.
   *
   * @param id the anticipation's id
   * @return the anticipation
   */
  public Anticipation cancel(String id) {
    return t.send("anticipations.cancel", "POST", "/anticipations/" + Validation.id("id", id) + "/cancel", null, one, false);
  }

  /**
   * The account's anticipation limits.
   *
   * @return the limits for cards and boletos
   */
  public AnticipationLimits limits() {
    return t.get("anticipations.limits", "/anticipations/limits", Map.of(), limits);
  }

  /**
   * The automatic anticipation setting.
   *
   * @return the setting
   */
  public AnticipationConfiguration configuration() {
    return t.get("anticipations.configuration", "/anticipations/configurations", Map.of(), configuration);
  }

  /**
   * Turns automatic anticipation of card payments on or off. A PUT: retried on connection errors and 5xx.
   *
   * @param creditCardAutomaticEnabled whether card payments are anticipated automatically
   * @return the setting
   */
  public AnticipationConfiguration configure(boolean creditCardAutomaticEnabled) {
    return t.send("anticipations.configure", "PUT", "/anticipations/configurations",
        new AnticipationConfiguration(creditCardAutomaticEnabled), configuration, true);
  }
}
