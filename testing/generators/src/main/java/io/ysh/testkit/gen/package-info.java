/**
 * QuickTheories generators for property-based tests of code that uses the YSH SDK: valid CPFs
 * and CNPJs (numeric and alphanumeric), BRL amounts, byte arrays, portable object-storage keys
 * and arbitrary Unicode text. Start at {@link io.ysh.testkit.gen.YshGenerators}.
 *
 * <p>The generators draw all their randomness from QuickTheories, so failing examples shrink and
 * a run is reproducible from its seed.
 */
package io.ysh.testkit.gen;
