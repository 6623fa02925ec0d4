/**
 * For capability and driver authors: driver discovery by URL scheme
 * ({@link io.ysh.core.spi.DriverRegistry}) and the {@link io.ysh.core.spi.Invoker} that wraps
 * every provider call in telemetry, resilience and error mapping. Applications rarely need
 * this package.
 */
package io.ysh.core.spi;
