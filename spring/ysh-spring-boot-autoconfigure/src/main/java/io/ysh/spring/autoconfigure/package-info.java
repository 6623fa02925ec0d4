/**
 * Spring Boot auto-configuration of the YSH SDK: every capability and both domain clients from
 * {@code ysh.*} properties.
 *
 * <p>{@code ysh.storage.url}, {@code ysh.cache.url} and {@code ysh.secrets.url} each give one bean
 * ({@link io.ysh.storage.ObjectStorage}, {@link io.ysh.cache.Cache},
 * {@link io.ysh.secrets.SecretStore}); {@code ysh.queue.topics.<name>.url} and
 * {@code ysh.queue.subscriptions.<name>.url} give one {@link io.ysh.queue.Topic} or
 * {@link io.ysh.queue.Subscription} per name, qualified by the name; {@code ysh.asaas.*} gives an
 * {@link io.ysh.asaas.AsaasClient} and {@code ysh.aneel.*} an {@link io.ysh.aneel.AneelClient}.
 * Every bean backs off when the application defines its own, and is closed with the context. A
 * URL whose driver is not on the class path stops the start-up with a message naming the property
 * and the artifact to add ({@link YshConfigurationFailureAnalyzer}).
 */
package io.ysh.spring.autoconfigure;
