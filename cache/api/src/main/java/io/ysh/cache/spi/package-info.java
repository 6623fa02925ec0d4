/**
 * The cache driver SPI: {@link io.ysh.cache.spi.CacheDriver}, the thin byte-level contract a
 * provider implements, and {@link io.ysh.cache.spi.CacheDriverProvider}, its
 * {@link java.util.ServiceLoader} factory by URL scheme.
 */
package io.ysh.cache.spi;
