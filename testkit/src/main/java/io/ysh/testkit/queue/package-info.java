/** {@link io.ysh.testkit.queue.QueueConformance}: the suite every queue driver runs against a real server. */
package io.ysh.testkit.queue;
