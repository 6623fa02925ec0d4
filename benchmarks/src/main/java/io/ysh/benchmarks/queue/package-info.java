/** JMH benchmarks of the portable queue API against the raw clients it wraps (RabbitMQ, Redis Streams, memory). */
package io.ysh.benchmarks.queue;
