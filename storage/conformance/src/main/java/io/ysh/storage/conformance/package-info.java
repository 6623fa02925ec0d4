/**
 * {@link io.ysh.storage.conformance.StorageConformance}: the conformance suite every storage
 * driver runs against a real server, with a small
 * {@link io.ysh.storage.conformance.StorageConformance.Harness} per driver that returns the driver.
 */
package io.ysh.storage.conformance;
