package io.ysh.asaas;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The create protocol that never duplicates:
 *
 * <ol>
 *   <li>single flight per key in this client, and a lease across processes when a cache is
 *       configured; a create that another caller just made under the same key is returned
 *       (fields permitting) instead of posted again;
 *   <li>one POST; it is sent again only when the failure proves the request never left
 *       (nothing of the body was written), within the policy's attempts and total timeout;
 *   <li>after an ambiguous failure, never post again: look the object up with backoff for the
 *       settle window, return it when it appears, otherwise throw
 *       {@link AsaasOutcomeUnknownException} carrying the reference and the redacted request.
 * </ol>
 */
final class ExactlyOnce {

  /** The outcome of a look-up by reference. */
  sealed interface Match<T> {
    /** The object this request created. */
    record Found<T>(T value) implements Match<T> {}

    /** Objects use the reference but their fields differ from the request. */
    record Conflict<T>(List<String> ids) implements Match<T> {}

    /** Nothing under the reference (yet). */
    record Absent<T>() implements Match<T> {}
  }

  /**
   * One create.
   *
   * @param op the operation name, such as {@code payments.create}
   * @param request method and path, for messages
   * @param key the single-flight key (resource and reference)
   * @param reference the externalReference, or null (refunds)
   * @param pending the redacted request for {@link AsaasOutcomeUnknownException}
   * @param prepare runs first when this caller leads (refunds read their baseline here)
   * @param post one POST
   * @param lookup the reconciliation look-up, or null when Asaas offers none (static QR codes):
   *     then an ambiguous failure is an outcome-unknown at once, with no settle wait
   * @param byId the object with an id, matched against the request (for recent creates)
   * @param idOf an object's id
   * @param remember whether a completed create answers later calls with the same key; when
   *     false (refunds) the key only excludes concurrent calls, each of which creates
   */
  record Spec<T>(
      String op,
      String request,
      String key,
      String reference,
      Supplier<Object> pending,
      Runnable prepare,
      Supplier<AsaasTransport.Attempt<T>> post,
      Supplier<Match<T>> lookup,
      Function<String, Match<T>> byId,
      Function<T, String> idOf,
      boolean remember) {}

  private final ResiliencePolicy policy;
  private final CreateSettings settings;
  private final Flights flights;
  private final Leases leases;

  ExactlyOnce(ResiliencePolicy policy, CreateSettings settings, Leases leases) {
    this.policy = policy;
    this.settings = settings;
    this.leases = leases;
    this.flights = new Flights(settings.recentWindow(), 10_000);
  }

  CreateSettings settings() {
    return settings;
  }

  <T> T run(Spec<T> spec) {
    while (true) {
      Flights.Ticket ticket = flights.enter(spec.key(), spec.remember());
      if (ticket instanceof Flights.Ticket.Recent recent) {
        return existing(spec, recent.id());
      }
      if (ticket instanceof Flights.Ticket.RecentUnknown) {
        return afterUnknown(spec);
      }
      if (ticket instanceof Flights.Ticket.Follow follow) {
        Flights.Outcome outcome = await(spec, follow);
        if (!spec.remember()) {
          continue; // a mutex only: this caller's own create comes next
        }
        if (outcome instanceof Flights.Outcome.Created created) {
          return existing(spec, created.id());
        }
        if (outcome instanceof Flights.Outcome.Unknown unknown) {
          throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
              "a concurrent create with the same reference in this client ended with an unknown outcome", unknown.failure(), List.of());
        }
        continue; // the leader created nothing: lead now
      }
      Flights.Ticket.Lead lead = (Flights.Ticket.Lead) ticket;
      try {
        T created = lead(spec);
        flights.land(lead, new Flights.Outcome.Created(spec.idOf().apply(created)), spec.remember());
        return created;
      } catch (AsaasOutcomeUnknownException e) {
        flights.land(lead, new Flights.Outcome.Unknown(e), spec.remember());
        throw e;
      } catch (RuntimeException | Error e) {
        flights.land(lead, new Flights.Outcome.NotCreated(), spec.remember());
        throw e;
      }
    }
  }

  /**
   * Runs {@code body} with no other caller of the same key running it at the same time, in this
   * client and, with a lease cache, across processes (for get-or-create).
   */
  <T> T exclusive(String key, String what, Supplier<T> body) {
    while (true) {
      Flights.Ticket ticket = flights.enter(key, false);
      if (ticket instanceof Flights.Ticket.Follow follow) {
        try {
          follow.outcome().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw YshException.builder(ErrorCode.CANCELLED).provider(AsaasTransport.PROVIDER)
              .detail("interrupted waiting for a concurrent " + what).build();
        } catch (ExecutionException e) {
          // the other caller failed; this one runs now
        }
        continue;
      }
      Flights.Ticket.Lead lead = (Flights.Ticket.Lead) ticket;
      try {
        Leases.Lease lease;
        try {
          lease = leases.acquire(key, settings.leaseTtl(), settings.leaseTtl());
        } catch (Leases.WaitedTooLong e) {
          throw YshException.builder(ErrorCode.UNAVAILABLE).provider(AsaasTransport.PROVIDER).retryable(true)
              .detail(what + ": " + e.getMessage() + " (nothing was sent by this call)").build();
        }
        try {
          return body.get();
        } finally {
          lease.release();
        }
      } finally {
        flights.land(lead, new Flights.Outcome.NotCreated(), false);
      }
    }
  }

  /** The object another call created under this key: returned when its fields match, a conflict otherwise. */
  private <T> T existing(Spec<T> spec, String id) {
    return poll(spec, () -> spec.byId().apply(id), true, null,
        "another call created it as " + id + " but it could not be read back");
  }

  private <T> Flights.Outcome await(Spec<T> spec, Flights.Ticket.Follow follow) {
    try {
      return follow.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw YshException.builder(ErrorCode.CANCELLED)
          .provider(AsaasTransport.PROVIDER)
          .detail(spec.request() + ": interrupted while a concurrent create with the same reference was running (nothing was sent by this call)")
          .build();
    } catch (ExecutionException e) {
      return new Flights.Outcome.NotCreated();
    }
  }

  /**
   * A create under this key ended with an unknown outcome a short while ago: posting again could
   * make a second object if the first still lands, so only look.
   */
  private <T> T afterUnknown(Spec<T> spec) {
    if (spec.lookup() == null) {
      throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
          "an earlier create with this reference ended with an unknown outcome and Asaas offers no way to look it up", null, List.of());
    }
    spec.prepare().run();
    return poll(spec, spec.lookup(), true, null, "an earlier create with this reference ended with an unknown outcome less than "
        + settings.recentWindow() + " ago and its object has not appeared; it is not posted again");
  }

  private <T> T lead(Spec<T> spec) {
    Leases.Lease lease;
    try {
      lease = leases.acquire(spec.key(), settings.leaseTtl(), settings.leaseTtl().plus(settings.settleWindow()));
    } catch (Leases.WaitedTooLong e) {
      throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(), e.getMessage(), null, List.of());
    }
    if (lease.doneElsewhere() != null) {
      return existing(spec, lease.doneElsewhere());
    }
    if (lease.unknownElsewhere()) {
      return afterUnknown(spec);
    }
    boolean finished = false;
    try {
      spec.prepare().run();
      if (lease.lookupFirst() && spec.lookup() == null) {
        throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
            "another process held this create and Asaas offers no way to look it up", null, List.of());
      }
      if (lease.lookupFirst()) {
        Match<T> m;
        try {
          m = spec.lookup().get();
        } catch (YshException e) {
          // the previous holder's create may have landed: not knowing is not "nothing exists"
          throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
              "another process held this create and the look-up before posting failed", e, List.of());
        }
        if (m instanceof Match.Found<T> found) {
          done(spec, lease, found.value());
          finished = true;
          return found.value();
        }
        if (m instanceof Match.Conflict<T> c) {
          throw AsaasConflictException.reused(spec.op(), spec.request(), spec.reference(), c.ids());
        }
      }
      T created = postUntilKnown(spec, lease);
      done(spec, lease, created);
      finished = true;
      return created;
    } catch (AsaasOutcomeUnknownException e) {
      if (spec.remember()) {
        lease.unknown();
        finished = true;
      }
      throw e;
    } finally {
      if (!finished) {
        lease.release();
      }
    }
  }

  private <T> void done(Spec<T> spec, Leases.Lease lease, T value) {
    if (spec.remember()) {
      lease.done(spec.idOf().apply(value));
    } else {
      lease.release();
    }
  }

  private <T> T postUntilKnown(Spec<T> spec, Leases.Lease lease) {
    int max = Math.max(1, policy.retry().maxAttempts());
    long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      if (!lease.renew()) {
        throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
            "the create lease was taken over by another process before this one could post", null, List.of());
      }
      AsaasTransport.Attempt<T> result = spec.post().get();
      if (result instanceof AsaasTransport.Attempt.Created<T> c) {
        return c.value();
      }
      if (result instanceof AsaasTransport.Attempt.Ambiguous<T> a && spec.lookup() == null) {
        throw AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(),
            summary(a.failure()) + ", and Asaas offers no way to look it up", a.failure(), List.of());
      }
      if (result instanceof AsaasTransport.Attempt.Ambiguous<T> a) {
        return poll(spec, spec.lookup(), false, a.failure(), null);
      }
      if (result instanceof AsaasTransport.Attempt.Refused<T> r) {
        throw withReference(r.failure(), spec.reference());
      }
      YshException notSent = ((AsaasTransport.Attempt.NotSent<T>) result).failure();
      if (notSent.code() == ErrorCode.CANCELLED || attempt >= max) {
        throw withReference(notSent, spec.reference());
      }
      long wait = (long) (ThreadLocalRandom.current().nextDouble() * policy.retry().backoffCap(attempt).toNanos());
      if (System.nanoTime() + wait - deadline >= 0) {
        throw withReference(notSent, spec.reference());
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw YshException.builder(ErrorCode.CANCELLED).provider(AsaasTransport.PROVIDER)
            .detail(spec.request() + ": interrupted before posting again (nothing was created)").cause(notSent).build();
      }
    }
  }

  /**
   * Looks the object up with backoff until it appears or the settle window ends; never posts.
   * After an ambiguous failure ({@code cause}) a conflict only means another object uses the
   * reference, and the look-ups go on; when {@code conflictIsFinal}, a conflict ends them. A
   * look-up that fails is tried again; if the window ends first, the outcome is unknown.
   */
  private <T> T poll(Spec<T> spec, Supplier<Match<T>> lookup, boolean conflictIsFinal, AsaasException cause, String whyUnknown) {
    long deadline = System.nanoTime() + settings.settleWindow().toNanos();
    long delay = settings.settleInitialDelay().toNanos();
    YshException lastFailure = null;
    List<String> conflicting = List.of();
    boolean interrupted = (cause != null && cause.code() == ErrorCode.CANCELLED) || Thread.currentThread().isInterrupted();
    for (boolean first = true; !interrupted; first = false) {
      if (!first) {
        long remaining = deadline - System.nanoTime();
        long pause = Math.min(remaining, delay / 2 + (long) (ThreadLocalRandom.current().nextDouble() * (delay / 2)));
        if (pause > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(pause);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            break;
          }
        }
        delay = Math.min(delay * 2, settings.settleMaxDelay().toNanos());
      }
      try {
        Match<T> m = lookup.get();
        if (m instanceof Match.Found<T> found) {
          return found.value();
        }
        if (m instanceof Match.Conflict<T> c) {
          if (conflictIsFinal) {
            throw AsaasConflictException.reused(spec.op(), spec.request(), spec.reference(), c.ids());
          }
          conflicting = c.ids();
        }
        lastFailure = null;
      } catch (AsaasConflictException e) {
        throw e;
      } catch (YshException e) {
        lastFailure = e;
        if (e.code() == ErrorCode.CANCELLED) {
          interrupted = true;
          break;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        break;
      }
    }
    String why;
    if (cause != null) {
      why = interrupted
          ? "interrupted while looking it up after " + summary(cause)
          : summary(cause) + ", and it did not appear within the settle window of " + settings.settleWindow();
    } else {
      why = interrupted ? "interrupted: " + whyUnknown : whyUnknown;
    }
    AsaasOutcomeUnknownException e = AsaasOutcomeUnknownException.of(spec.op(), spec.request(), spec.reference(), spec.pending().get(), why,
        cause != null ? cause : lastFailure, conflicting);
    if (lastFailure != null && cause != null) {
      e.addSuppressed(lastFailure);
    }
    return throwIt(e);
  }

  private static <T> T throwIt(AsaasOutcomeUnknownException e) {
    throw e;
  }

  private static String summary(AsaasException cause) {
    if (cause instanceof AsaasServerException) {
      return "Asaas answered HTTP " + cause.httpStatus();
    }
    return cause.code() == ErrorCode.TIMEOUT ? "the request timed out" : "the connection failed after the request was sent";
  }

  private static YshException withReference(YshException e, String reference) {
    return reference != null && e instanceof AsaasException a ? a.withExternalReference(reference) : e;
  }
}
