/**
 * Client for the Asaas API v3 (Brazilian payments: boleto, PIX, credit card, subscriptions,
 * transfers) and helpers for its webhooks.
 *
 * <p>Start at {@link io.ysh.asaas.AsaasClient#builder()} and {@link io.ysh.asaas.AsaasWebhooks}.
 * Creates never duplicate: each carries an {@code externalReference}; it is posted again only
 * when the request provably never left; after an ambiguous failure the client looks the object
 * up for a settle window and never posts again, returning the object or throwing
 * {@link io.ysh.asaas.AsaasOutcomeUnknownException}, which the resources' {@code reconcile}
 * methods resolve later.
 */
package io.ysh.asaas;
