/**
 * {@link io.ysh.testkit.secrets.SecretStoreConformance}, the suite every secrets driver runs,
 * and {@link io.ysh.testkit.secrets.InMemorySecretDriver}, a versioned in-memory driver for tests.
 */
package io.ysh.testkit.secrets;
