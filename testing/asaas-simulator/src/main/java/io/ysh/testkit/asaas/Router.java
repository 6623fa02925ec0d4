package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends a request to its resource by the first path segment. Trailing slashes are kept in the
 * request: where Asaas distinguishes {@code POST /payments/} (card), {@code POST /subscriptions/}
 * (card) and {@code POST /transfers/} (to an Asaas account) from their slash-less twins, the
 * resource routes them apart; elsewhere a trailing slash is ignored.
 */
final class Router {

  final CustomersApi customers;
  final CreditCardsApi cards;
  final PaymentsApi payments;
  final SubscriptionsApi subscriptions;
  final InstallmentsApi installments;
  final TransfersApi transfers;
  final FinanceApi finance;
  final WebhookConfigsApi webhookConfigs;
  final SandboxApi sandbox;
  final AccountsApi accounts;
  final PaymentLinksApi paymentLinks;
  final PixApi pix;
  final InvoicesApi invoices;
  final AnticipationsApi anticipations;
  final NotificationsApi notifications;

  Router(SimState s) {
    this.customers = new CustomersApi(s);
    this.cards = new CreditCardsApi(s);
    this.payments = new PaymentsApi(s, cards);
    this.subscriptions = new SubscriptionsApi(s, payments, cards);
    this.installments = new InstallmentsApi(s, payments);
    this.transfers = new TransfersApi(s);
    this.finance = new FinanceApi(s);
    this.webhookConfigs = new WebhookConfigsApi(s);
    this.sandbox = new SandboxApi(s);
    this.accounts = new AccountsApi(s);
    this.paymentLinks = new PaymentLinksApi(s);
    this.pix = new PixApi(s);
    this.invoices = new InvoicesApi(s);
    this.anticipations = new AnticipationsApi(s);
    this.notifications = new NotificationsApi(s);
  }

  /** Handles a request; the caller holds the state lock. */
  JsonNode route(SimRequest r) {
    String res = r.segment(0);
    if (res == null) {
      throw ApiError.noRoute();
    }
    return switch (res) {
      case "customers" -> "notifications".equals(r.segment(2)) ? notifications.ofCustomer(r) : customers.handle(r);
      case "payments" -> "splits".equals(r.segment(1)) ? payments.splits.handle(r) : payments.handle(r);
      case "subscriptions" -> subscriptions.handle(r);
      case "installments" -> installments.handle(r);
      case "transfers" -> transfers.handle(r);
      case "finance" -> finance.balance(r);
      case "financialTransactions" -> finance.transactions(r);
      case "webhooks" -> webhookConfigs.handle(r);
      case "sandbox" -> sandbox.handle(r);
      case "creditCard" -> cards.handle(r);
      case "accounts" -> accounts.accounts(r);
      case "paymentLinks" -> paymentLinks.handle(r);
      case "pix" -> pix.handle(r);
      case "wallets" -> accounts.wallets(r);
      case "myAccount" -> accounts.myAccount(r);
      case "invoices" -> invoices.handle(r);
      case "fiscalInfo" -> invoices.fiscalInfo(r);
      case "anticipations" -> anticipations.handle(r);
      case "notifications" -> notifications.handle(r);
      default -> throw ApiError.noRoute();
    };
  }
}
