/**
 * {@link io.ysh.secrets.conformance.SecretStoreConformance}: the conformance suite every secrets
 * driver runs, given drivers by {@code newDriver()}.
 */
package io.ysh.secrets.conformance;
