/**
 * {@link io.ysh.cache.conformance.CacheConformance}: the conformance suite every cache driver runs
 * against a real store, given the driver by {@code newDriver()}.
 */
package io.ysh.cache.conformance;
