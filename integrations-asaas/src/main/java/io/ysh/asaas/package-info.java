/**
 * Client for the Asaas API v3 (Brazilian payments: boleto, PIX, credit card, subscriptions,
 * transfers) and helpers for its webhooks.
 *
 * <p>Start at {@link io.ysh.asaas.AsaasClient#builder()} and {@link io.ysh.asaas.AsaasWebhooks}.
 * Every create is safe to retry: it carries an {@code externalReference} and, after an ambiguous
 * failure, the client looks the object up before it posts again, so a dropped connection never
 * duplicates a charge.
 */
package io.ysh.asaas;
