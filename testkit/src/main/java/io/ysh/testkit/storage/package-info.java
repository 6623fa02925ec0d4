/**
 * {@link io.ysh.testkit.storage.StorageConformance}: the conformance suite every storage driver
 * runs against a real server, with a small {@link io.ysh.testkit.storage.StorageConformance.Harness}
 * per driver.
 */
package io.ysh.testkit.storage;
