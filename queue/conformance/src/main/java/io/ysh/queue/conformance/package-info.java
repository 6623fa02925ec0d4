/**
 * {@link io.ysh.queue.conformance.QueueConformance}: the suite every queue driver runs against a
 * real server, given topic and subscription drivers by the driver's test.
 */
package io.ysh.queue.conformance;
