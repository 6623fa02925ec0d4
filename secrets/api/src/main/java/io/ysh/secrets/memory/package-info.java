/**
 * {@link io.ysh.secrets.memory.InMemorySecretDriver}: secrets held in memory, for local overrides
 * in a {@link io.ysh.secrets.SecretStore#chain chain} and for tests of code that reads secrets.
 */
package io.ysh.secrets.memory;
