package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import io.ysh.core.Args;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pix: the account's address keys, static QR codes, paying a QR code from the balance, and the
 * account's Pix transactions. Obtain from {@link AsaasClient#pix()}. Thread-safe.
 *
 * <p>Sources: docs.asaas.com "Pix" and the official schema's PixService and PixTransactionService
 * (asaasdev/asaas-api-sdk-java, documentation/services/PixService.md and PixTransactionService.md):
 * {@code GET/POST /v3/pix/addressKeys}, {@code GET/DELETE /v3/pix/addressKeys/{id}},
 * {@code POST /v3/pix/qrCodes/static}, {@code DELETE /v3/pix/qrCodes/static/{id}},
 * {@code POST /v3/pix/qrCodes/decode}, {@code POST /v3/pix/qrCodes/pay},
 * {@code GET /v3/pix/transactions}, {@code GET /v3/pix/transactions/{id}},
 * {@code POST /v3/pix/transactions/{id}/cancel}. Pix Automático, from docs.asaas.com's "Pix Automático"
 * reference (the generated SDK does not cover it) and the schema
 * {@code PixReceiverAutomaticRecurringAuthorization*}: {@code POST/GET /v3/pix/automatic/authorizations},
 * {@code GET/DELETE /v3/pix/automatic/authorizations/{id}}, {@code GET /v3/pix/automatic/paymentInstructions},
 * {@code GET /v3/pix/automatic/paymentInstructions/{id}}. Not offered: {@code GET /v3/pix/tokenBucket/addressKey},
 * the instructions' retries and the recurring transfers of RecurringPixService.
 *
 * <p><b>Creates never duplicate.</b> None of these creates has an idempotency key, so each is
 * posted once, posted again only when it provably never left, and after an ambiguous failure
 * (timeout, reset after writing, 5xx) never posted again:
 * <ul>
 *   <li>{@link #createEvpKey()}: the keys are read before the POST; the look-up finds an EVP key
 *       that was not there. Concurrent calls in this client run one after the other.
 *   <li>{@link #payQrCode(PixQrCodePaymentRequest)} moves money: the latest 100 debits are read
 *       before the POST; the look-up finds a new DEBIT with the request's value (and description).
 *       Concurrent payments of the same code in this client run one after the other; each call
 *       pays (paying twice is two calls).
 *   <li>{@link #createStaticQrCode(PixStaticQrCodeRequest)} carries an {@code externalReference}
 *       (yours or a generated one) and is single-flighted on it like every other create, but Asaas
 *       has no endpoint to read a static QR code back: after an ambiguous failure it is at once
 *       {@link AsaasOutcomeUnknownException} (no settle wait). A QR code nobody was shown cannot
 *       be paid: create another under a new reference (and delete the old id if you learn it).
 *   <li>{@link #createAutomaticAuthorization(PixAutomaticAuthorizationRequest)} is keyed on the
 *       {@code contractId}: after an ambiguous failure the customer's authorizations are looked up
 *       for that contract (matching frequency, start date and value).
 * </ul>
 * Otherwise {@link AsaasOutcomeUnknownException}, carrying the request. GETs are retried with
 * backoff on connection errors, 5xx and 429 (after {@code RateLimit-Reset}); deletes and
 * cancellations are sent once.
 */
public final class Pix {

  private static final int RECENT_QR_CODES = 1000;

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType key;
  private final JavaType keyPage;
  private final JavaType qr;
  private final JavaType decoded;
  private final JavaType transaction;
  private final JavaType transactionPage;
  private final JavaType deleted;
  /** The static QR codes this client created, by id: Asaas cannot read one back. */
  private final Map<String, Held> created = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
      return size() > RECENT_QR_CODES;
    }
  });

  private record Held(PixStaticQrCodeRequest request, PixStaticQrCode code) {}

  private final JavaType authorization;
  private final JavaType authorizationPage;
  private final JavaType instruction;
  private final JavaType instructionPage;

  Pix(AsaasTransport t, ExactlyOnce once) {
    this.authorization = t.type(PixAutomaticAuthorization.class);
    this.authorizationPage = t.pageOf(PixAutomaticAuthorization.class);
    this.instruction = t.type(PixPaymentInstruction.class);
    this.instructionPage = t.pageOf(PixPaymentInstruction.class);
    this.t = t;
    this.once = once;
    this.key = t.type(PixAddressKey.class);
    this.keyPage = t.pageOf(PixAddressKey.class);
    this.qr = t.type(PixStaticQrCode.class);
    this.decoded = t.type(PixDecodedQrCode.class);
    this.transaction = t.type(PixTransaction.class);
    this.transactionPage = t.pageOf(PixTransaction.class);
    this.deleted = t.type(DeletedResource.class);
  }

  // ---- address keys

  /**
   * Creates a random (EVP) key, the only kind Asaas creates through the API, exactly once.
   *
   * @return the key (usually AWAITING_ACTIVATION or ACTIVE)
   * @throws AsaasOutcomeUnknownException when it may have been created but did not appear
   */
  public PixAddressKey createEvpKey() {
    Map<String, String> body = Map.of("type", "EVP");
    AtomicReference<Set<String>> before = new AtomicReference<>();
    return once.run(new ExactlyOnce.Spec<>(
        "pix.createKey",
        "POST " + t.basePath() + "/pix/addressKeys",
        "pix.addressKeys",
        null,
        () -> body,
        () -> before.set(keyIds()),
        () -> t.attemptCreate("pix.createKey", "/pix/addressKeys", body, key),
        () -> {
          for (PixAddressKey k : streamKeys(PixKeyFilter.all()).toList()) {
            if (before.get() != null && !before.get().contains(k.id()) && k.type() == PixKeyType.EVP) {
              return new ExactlyOnce.Match.Found<>(k);
            }
          }
          return new ExactlyOnce.Match.Absent<>();
        },
        id -> new ExactlyOnce.Match.Found<>(getKey(id)),
        PixAddressKey::id,
        false));
  }

  private Set<String> keyIds() {
    return streamKeys(PixKeyFilter.all()).map(PixAddressKey::id).collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * Gets a key.
   *
   * @param id the key's id
   * @return the key
   */
  public PixAddressKey getKey(String id) {
    return t.get("pix.getKey", "/pix/addressKeys/" + Validation.id("id", id), Map.of(), key);
  }

  /**
   * Lists one page of keys.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PixAddressKey> listKeys(PixKeyFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("pix.listKeys", "/pix/addressKeys", References.paging(filter.params(), offset, limit), keyPage);
  }

  /**
   * Streams every matching key lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<PixAddressKey> streamKeys(PixKeyFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> listKeys(filter, o, l), PixAddressKey::id);
  }

  /**
   * Deletes a key (it moves to AWAITING_DELETION, then DELETED). Sent once.
   *
   * @param id the key's id
   * @return the key as Asaas answers the delete
   */
  public PixAddressKey deleteKey(String id) {
    return t.send("pix.deleteKey", "DELETE", "/pix/addressKeys/" + Validation.id("id", id), null, key, false);
  }

  // ---- static QR codes

  /**
   * Creates a static QR code, exactly once per {@code externalReference} (see the class comment:
   * Asaas cannot read one back, so an ambiguous failure is an outcome-unknown at once).
   *
   * @param request the QR code
   * @return the code with its payload and image
   * @throws AsaasOutcomeUnknownException when it may have been created
   * @throws AsaasConflictException when the reference was used by a QR code this client does not
   *     hold (created by another process), or with other fields
   */
  public PixStaticQrCode createStaticQrCode(PixStaticQrCodeRequest request) {
    Validation.required("request", request);
    Validation.notPast("expirationDate", request.expirationDate() == null ? null : request.expirationDate().toLocalDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    PixStaticQrCodeRequest body = request.withExternalReference(ref);
    return once.run(new ExactlyOnce.Spec<>(
        "pix.createStaticQrCode",
        "POST " + t.basePath() + "/pix/qrCodes/static",
        "pix.qrCodes.static:" + ref,
        ref,
        () -> body,
        () -> {},
        () -> {
          AsaasTransport.Attempt<PixStaticQrCode> a = t.attemptCreate("pix.createStaticQrCode", "/pix/qrCodes/static", body, qr);
          if (a instanceof AsaasTransport.Attempt.Created<PixStaticQrCode> c && c.value().id() != null) {
            created.put(c.value().id(), new Held(body, c.value()));
          }
          return a;
        },
        null,
        id -> {
          Held h = created.get(id);
          return h != null && h.request().equals(body) ? new ExactlyOnce.Match.Found<>(h.code()) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        PixStaticQrCode::id,
        true));
  }

  /**
   * Deletes a static QR code: it no longer accepts payments. Sent once.
   *
   * @param id the QR code's id
   * @return Asaas's answer
   */
  public DeletedResource deleteStaticQrCode(String id) {
    return t.send("pix.deleteStaticQrCode", "DELETE", "/pix/qrCodes/static/" + Validation.id("id", id), null, deleted, false);
  }

  // ---- paying QR codes

  /**
   * Reads a QR code before paying it: receiver, value, whether it can be paid. Moves no money.
   *
   * @param payload the copy-and-paste code
   * @return what the code says
   */
  public PixDecodedQrCode decodeQrCode(String payload) {
    Validation.required("payload", payload);
    return t.send("pix.decodeQrCode", "POST", "/pix/qrCodes/decode", Map.of("payload", payload.strip()), decoded, false);
  }

  /**
   * Pays a QR code from the account's balance, exactly once (see the class comment).
   *
   * @param request the code, the value and optionally a description and a schedule date
   * @return the DEBIT transaction (SCHEDULED when scheduled; cancel with {@link #cancelTransaction(String)})
   * @throws AsaasOutcomeUnknownException when it may have been paid but did not appear: check
   *     {@link #streamTransactions(PixTransactionFilter)} with type DEBIT before paying again
   */
  public PixTransaction payQrCode(PixQrCodePaymentRequest request) {
    Validation.required("request", request);
    Validation.required("qrCode", request.qrCode());
    Validation.required("payload", request.qrCode().payload());
    Validation.required("value", request.value());
    if (!request.value().isPositive()) {
      throw Validation.invalid("value", "must be greater than zero");
    }
    Validation.notPast("scheduleDate", request.scheduleDate(), t.today());
    AtomicReference<Set<String>> before = new AtomicReference<>();
    return once.run(new ExactlyOnce.Spec<>(
        "pix.payQrCode",
        "POST " + t.basePath() + "/pix/qrCodes/pay",
        "pix.qrCodes.pay:" + sha256(request.qrCode().payload()),
        null,
        () -> request,
        () -> before.set(latestDebits().stream().map(PixTransaction::id).collect(Collectors.toCollection(HashSet::new))),
        () -> t.attemptCreate("pix.payQrCode", "/pix/qrCodes/pay", request, transaction),
        () -> {
          for (PixTransaction tr : latestDebits()) {
            if (before.get() != null && !before.get().contains(tr.id()) && request.value().equals(tr.value())
                && (request.description() == null || request.description().equals(tr.description()))) {
              return new ExactlyOnce.Match.Found<>(tr);
            }
          }
          return new ExactlyOnce.Match.Absent<>();
        },
        id -> new ExactlyOnce.Match.Found<>(getTransaction(id)),
        PixTransaction::id,
        false));
  }

  private List<PixTransaction> latestDebits() {
    return listTransactions(PixTransactionFilter.all().type(PixTransactionType.DEBIT), 0, 100).data();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- transactions

  /**
   * Gets a transaction.
   *
   * @param id the transaction's id
   * @return the transaction
   */
  public PixTransaction getTransaction(String id) {
    return t.get("pix.getTransaction", "/pix/transactions/" + Validation.id("id", id), Map.of(), transaction);
  }

  /**
   * Lists one page of transactions.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PixTransaction> listTransactions(PixTransactionFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("pix.listTransactions", "/pix/transactions", References.paging(filter.params(), offset, limit), transactionPage);
  }

  /**
   * Streams every matching transaction lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<PixTransaction> streamTransactions(PixTransactionFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> listTransactions(filter, o, l), PixTransaction::id);
  }

  /**
   * Cancels a scheduled transaction ({@link PixTransaction#canBeCanceled()}). Sent once; Asaas
   * refuses a repeat (400), so after an ambiguous failure read the transaction.
   *
   * @param id the transaction's id
   * @return the transaction, CANCELLED
   */
  public PixTransaction cancelTransaction(String id) {
    return t.send("pix.cancelTransaction", "POST", "/pix/transactions/" + Validation.id("id", id) + "/cancel", null, transaction, false);
  }

  // ---- Pix Automático

  /**
   * Creates a Pix Automático authorization, exactly once per {@code contractId}. It is CREATED
   * until the payer pays its immediate QR code ({@link PixAutomaticAuthorization#payload()}), then
   * ACTIVE; charges are then created with its id.
   *
   * @param request the authorization
   * @return the authorization with the QR code to show the payer
   * @throws AsaasOutcomeUnknownException when it may have been created but did not appear
   * @throws AsaasConflictException when the contract already has an authorization with other terms
   */
  public PixAutomaticAuthorization createAutomaticAuthorization(PixAutomaticAuthorizationRequest request) {
    Validation.required("request", request);
    Validation.notPast("startDate", request.startDate(), t.today());
    return once.run(new ExactlyOnce.Spec<>(
        "pix.createAutomaticAuthorization",
        "POST " + t.basePath() + "/pix/automatic/authorizations",
        "pix.automatic:" + request.customerId() + ":" + request.contractId(),
        null,
        () -> request,
        () -> {},
        () -> t.attemptCreate("pix.createAutomaticAuthorization", "/pix/automatic/authorizations", request, authorization),
        () -> lookup(request),
        id -> {
          PixAutomaticAuthorization a = getAutomaticAuthorization(id);
          return matches(request, a) ? new ExactlyOnce.Match.Found<>(a) : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        PixAutomaticAuthorization::id,
        true));
  }

  private ExactlyOnce.Match<PixAutomaticAuthorization> lookup(PixAutomaticAuthorizationRequest request) {
    List<String> others = new java.util.ArrayList<>();
    for (PixAutomaticAuthorization a : streamAutomaticAuthorizations(PixAutomaticFilter.all().customerId(request.customerId())).toList()) {
      if (!request.contractId().equals(a.contractId())) {
        continue;
      }
      if (matches(request, a)) {
        return new ExactlyOnce.Match.Found<>(a);
      }
      others.add(a.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private static boolean matches(PixAutomaticAuthorizationRequest r, PixAutomaticAuthorization a) {
    return r.contractId().equals(a.contractId()) && r.customerId().equals(a.customerId()) && r.frequency() == a.frequency()
        && r.startDate().equals(a.startDate()) && java.util.Objects.equals(r.value(), a.value());
  }

  /**
   * Gets an authorization.
   *
   * @param id the authorization's id
   * @return the authorization
   */
  public PixAutomaticAuthorization getAutomaticAuthorization(String id) {
    return t.get("pix.getAutomaticAuthorization", "/pix/automatic/authorizations/" + Validation.id("id", id), Map.of(), authorization);
  }

  /**
   * Lists one page of authorizations.
   *
   * @param filter status and customerId
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PixAutomaticAuthorization> listAutomaticAuthorizations(PixAutomaticFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("pix.listAutomaticAuthorizations", "/pix/automatic/authorizations",
        References.paging(filter.authorizationParams(), offset, limit), authorizationPage);
  }

  /**
   * Streams every matching authorization lazily.
   *
   * @param filter status and customerId
   * @return a sequential, lazy stream
   */
  public Stream<PixAutomaticAuthorization> streamAutomaticAuthorizations(PixAutomaticFilter filter) {
    Args.notNull(filter, "filter");
    filter.authorizationParams();
    return Paginator.stream((o, l) -> listAutomaticAuthorizations(filter, o, l), PixAutomaticAuthorization::id);
  }

  /**
   * Cancels an authorization: no new debits; scheduled ones may be cancelled too. Sent once.
   *
   * @param id the authorization's id
   * @return the authorization, CANCELLED
   */
  public PixAutomaticAuthorization cancelAutomaticAuthorization(String id) {
    return t.send("pix.cancelAutomaticAuthorization", "DELETE", "/pix/automatic/authorizations/" + Validation.id("id", id), null,
        authorization, false);
  }

  /**
   * Gets a payment instruction.
   *
   * @param id the instruction's id
   * @return the instruction
   */
  public PixPaymentInstruction getPaymentInstruction(String id) {
    return t.get("pix.getPaymentInstruction", "/pix/automatic/paymentInstructions/" + Validation.id("id", id), Map.of(), instruction);
  }

  /**
   * Lists one page of payment instructions.
   *
   * @param filter authorizationId, customerId, paymentId and instructionStatus
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PixPaymentInstruction> listPaymentInstructions(PixAutomaticFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    return t.get("pix.listPaymentInstructions", "/pix/automatic/paymentInstructions",
        References.paging(filter.instructionParams(), offset, limit), instructionPage);
  }

  /**
   * Streams every matching payment instruction lazily.
   *
   * @param filter authorizationId, customerId, paymentId and instructionStatus
   * @return a sequential, lazy stream
   */
  public Stream<PixPaymentInstruction> streamPaymentInstructions(PixAutomaticFilter filter) {
    Args.notNull(filter, "filter");
    filter.instructionParams();
    return Paginator.stream((o, l) -> listPaymentInstructions(filter, o, l), PixPaymentInstruction::id);
  }
}
