/**
 * The in-memory cache driver ({@code mem://}) on Caffeine.
 */
package io.ysh.cache.memory;
