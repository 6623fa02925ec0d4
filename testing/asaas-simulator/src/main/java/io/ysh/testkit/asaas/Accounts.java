package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated accounts: the root account (the simulator's API key) and the subaccounts created
 * through {@code POST /accounts}, each with its own state, router, wallet and API key, so a
 * subaccount's key works against the simulator and sees only its own customers, payments, balance
 * and statement. All accounts share one lock; access with it held (or from a handler).
 */
final class Accounts {

  /** One account: its state and the router over it. */
  record Tenant(SimState state, Router router) {}

  final Tenant root;
  private final String rootKey;
  private final Supplier<SimState> newState;
  private final Map<String, Tenant> byKey = new LinkedHashMap<>();
  private final Map<String, Tenant> byWallet = new LinkedHashMap<>();
  private final Map<String, Tenant> byId = new LinkedHashMap<>();

  Accounts(SimState rootState, String rootKey, Supplier<SimState> newState) {
    this.rootKey = rootKey;
    this.newState = newState;
    rootState.accounts = this;
    this.root = new Tenant(rootState, new Router(rootState));
    register(rootKey, root);
  }

  private void register(String key, Tenant t) {
    byKey.put(key, t);
    byWallet.put(t.state().walletId, t);
    byId.put(t.state().accountId, t);
  }

  /** The account a key belongs to, or null. */
  Tenant forKey(String key) {
    synchronized (root.state().lock) {
      return key == null ? null : byKey.get(key);
    }
  }

  /** The account that owns a wallet, or null. */
  Tenant forWallet(String walletId) {
    return walletId == null ? null : byWallet.get(walletId);
  }

  /** The account with an id, or null. */
  Tenant forId(String accountId) {
    return accountId == null ? null : byId.get(accountId);
  }

  /** Creates a subaccount with a zero balance; answers its key. */
  Tenant create(ObjectNode info, String apiKey) {
    SimState st = newState.get();
    st.accounts = this;
    st.balance = BigDecimal.ZERO.setScale(2);
    st.parentWalletId = root.state().walletId;
    st.info = info;
    st.deferred = root.state().deferred;
    Tenant t = new Tenant(st, new Router(st));
    register(apiKey, t);
    return t;
  }

  /** The subaccounts, in creation order. */
  java.util.List<Tenant> subaccounts() {
    return byId.values().stream().filter(t -> t != root).toList();
  }

  /** Removes every subaccount. */
  void reset() {
    byKey.clear();
    byWallet.clear();
    byId.clear();
    register(rootKey, root);
  }
}
