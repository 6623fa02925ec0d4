/** JMH benchmarks of the portable storage layer against the raw clients it wraps. */
package io.ysh.benchmarks.storage;
