/** The in-memory queue driver ({@code mem://}): per-JVM named queues for tests and demos. */
package io.ysh.queue.memory;
