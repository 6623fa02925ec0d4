package io.ysh.examples.spring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The event published on the {@code orders} topic when a quote is paid, and what the listener
 * stores as the installation order ({@code orders/<quoteId>.json}).
 *
 * @param quoteId the quote
 * @param paymentId the Asaas payment
 * @param value the amount paid, R$
 * @param paidAt when the service saw the payment
 */
public record OrderEvent(String quoteId, String paymentId, BigDecimal value, Instant paidAt) {}
