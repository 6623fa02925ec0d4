/**
 * The driver SPI of the secrets capability: implement {@link io.ysh.secrets.spi.SecretDriver}
 * and register a {@link io.ysh.secrets.spi.SecretDriverProvider} through
 * {@link java.util.ServiceLoader}.
 */
package io.ysh.secrets.spi;
