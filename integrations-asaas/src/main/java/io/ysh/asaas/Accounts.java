package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Subaccounts (white-label accounts, such as a marketplace's integrators) and the account the
 * client's key belongs to: its wallets, onboarding status and commercial data. Obtain from
 * {@link AsaasClient#accounts()}. Thread-safe.
 *
 * <p>Sources: docs.asaas.com "Subcontas" and the official schema (asaasdev/asaas-api-sdk-java,
 * documentation/services/SubaccountService.md and AccountInfoService.md): {@code POST /v3/accounts},
 * {@code GET /v3/accounts}, {@code GET /v3/accounts/{id}}, {@code GET /v3/wallets/},
 * {@code GET /v3/myAccount/status/}, {@code GET /v3/myAccount/commercialInfo/}.
 *
 * <p><b>Creates never duplicate.</b> Asaas gives subaccounts no {@code externalReference}; the
 * create is keyed on the CPF/CNPJ instead: single-flighted per CPF/CNPJ, posted again only when
 * it provably never left, and after an ambiguous failure looked up by CPF/CNPJ (and email) for
 * the settle window, never posted again. An account found that way comes back without its API
 * key, which Asaas answers only once, in the create's response ({@link CreatedSubaccount#apiKey()}
 * is then empty); {@link AsaasOutcomeUnknownException} otherwise, resolved by
 * {@link #reconcile(SubaccountRequest)}. GETs are retried with backoff on connection errors,
 * 5xx and 429 (after {@code RateLimit-Reset}), under the client's 50-GET bulkhead.
 */
public final class Accounts {

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType node;
  private final JavaType walletPage;
  private final JavaType status;
  private final JavaType commercial;

  Accounts(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(Subaccount.class);
    this.page = t.pageOf(Subaccount.class);
    this.node = t.type(JsonNode.class);
    this.walletPage = t.pageOf(Wallet.class);
    this.status = t.type(AccountStatus.class);
    this.commercial = t.type(CommercialInfo.class);
  }

  /**
   * Creates a subaccount, exactly once, and answers its API key (once: store it).
   *
   * @param request the account
   * @return the account and its key; the key is empty when the account was found by a look-up
   *     after an ambiguous failure
   * @throws AsaasOutcomeUnknownException when it may have been created but did not appear:
   *     resolve with {@link #reconcile(SubaccountRequest)}
   * @throws AsaasConflictException when an account with this CPF/CNPJ but another email exists
   */
  public CreatedSubaccount create(SubaccountRequest request) {
    Validation.required("request", request);
    return once.run(new ExactlyOnce.Spec<>(
        "accounts.create",
        "POST " + t.basePath() + "/accounts",
        "accounts:" + request.cpfCnpj(),
        null,
        () -> request,
        () -> {},
        () -> post(request),
        () -> lookup(request),
        id -> {
          Subaccount a = get(id);
          return matches(request, a) ? new ExactlyOnce.Match.Found<>(new CreatedSubaccount(a, null))
              : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        c -> c.account().id(),
        true));
  }

  private AsaasTransport.Attempt<CreatedSubaccount> post(SubaccountRequest request) {
    AsaasTransport.Attempt<JsonNode> a = t.attemptCreate("accounts.create", "/accounts", request, node);
    if (a instanceof AsaasTransport.Attempt.Created<JsonNode> c) {
      JsonNode answer = c.value();
      JsonNode key = answer.get("apiKey");
      Subaccount account;
      try {
        account = t.mapper().treeToValue(answer, Subaccount.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
        // Committed, but unreadable: the account exists; the look-up finds it (without the key).
        return new AsaasTransport.Attempt.Ambiguous<>(new AsaasConnectionException(
            io.ysh.core.YshException.builder(io.ysh.core.ErrorCode.UNKNOWN).provider(AsaasTransport.PROVIDER)
                .detail("POST " + t.basePath() + "/accounts answered 2xx but the account could not be read").cause(e),
            "POST " + t.basePath() + "/accounts", true, null));
      }
      Secret secret = key == null || key.isNull() || key.asText().isBlank() ? null : Secret.of(key.asText()).named("asaas-subaccount-key");
      return new AsaasTransport.Attempt.Created<>(new CreatedSubaccount(account, secret));
    }
    if (a instanceof AsaasTransport.Attempt.NotSent<JsonNode> n) {
      return new AsaasTransport.Attempt.NotSent<>(n.failure());
    }
    if (a instanceof AsaasTransport.Attempt.Ambiguous<JsonNode> amb) {
      return new AsaasTransport.Attempt.Ambiguous<>(amb.failure());
    }
    return new AsaasTransport.Attempt.Refused<>(((AsaasTransport.Attempt.Refused<JsonNode>) a).failure());
  }

  /**
   * Resolves a create whose outcome was unknown: the subaccount with the request's CPF/CNPJ and
   * email. Never creates. Its API key is not recoverable through the API.
   *
   * @param request the request as sent
   * @return the account, or empty when it was not created
   * @throws AsaasConflictException when only accounts with another email use the CPF/CNPJ
   */
  public Optional<Subaccount> reconcile(SubaccountRequest request) {
    Validation.required("request", request);
    ExactlyOnce.Match<CreatedSubaccount> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<CreatedSubaccount> c) {
      throw AsaasConflictException.reused("accounts.reconcile", "GET " + t.basePath() + "/accounts", request.cpfCnpj(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<CreatedSubaccount> f ? Optional.of(f.value().account()) : Optional.empty();
  }

  private ExactlyOnce.Match<CreatedSubaccount> lookup(SubaccountRequest request) {
    List<String> others = new ArrayList<>();
    for (Subaccount a : list(SubaccountFilter.all().cpfCnpj(request.cpfCnpj()), 0, 100).data()) {
      if (matches(request, a)) {
        return new ExactlyOnce.Match.Found<>(new CreatedSubaccount(a, null));
      }
      others.add(a.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private static boolean matches(SubaccountRequest r, Subaccount a) {
    return a.cpfCnpj() != null && digits(r.cpfCnpj()).equals(digits(a.cpfCnpj()))
        && (a.email() == null || r.email().strip().equalsIgnoreCase(a.email().strip()));
  }

  private static String digits(String s) {
    return s.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
  }

  /**
   * Gets a subaccount.
   *
   * @param id the account id
   * @return the account
   */
  public Subaccount get(String id) {
    return t.get("accounts.get", "/accounts/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of subaccounts.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<Subaccount> list(SubaccountFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    Validation.required("filter", filter);
    return t.get("accounts.list", "/accounts", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching subaccount lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<Subaccount> stream(SubaccountFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), Subaccount::id);
  }

  /**
   * The wallets of the account the client's key belongs to ({@code GET /wallets/}).
   *
   * @return the wallets
   */
  public List<Wallet> wallets() {
    Page<Wallet> p = t.get("accounts.wallets", "/wallets/", Map.of(), walletPage);
    return p.data();
  }

  /**
   * The onboarding status of the account the client's key belongs to ({@code GET /myAccount/status/}).
   *
   * @return the status
   */
  public AccountStatus status() {
    return t.get("accounts.status", "/myAccount/status/", Map.of(), status);
  }

  /**
   * The commercial data of the account the client's key belongs to
   * ({@code GET /myAccount/commercialInfo/}).
   *
   * @return the data
   */
  public CommercialInfo commercialInfo() {
    return t.get("accounts.commercialInfo", "/myAccount/commercialInfo/", Map.of(), commercial);
  }
}
