/**
 * {@link io.ysh.testkit.asaas.AsaasSimulator}: a stateful, in-process simulator of the Asaas
 * API v3 for tests, examples and partners' test harnesses, with fault injection and webhook
 * delivery.
 */
package io.ysh.testkit.asaas;
