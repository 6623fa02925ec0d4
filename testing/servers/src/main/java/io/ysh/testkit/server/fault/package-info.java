/**
 * Network faults for tests: {@link io.ysh.testkit.server.fault.FaultProxy}, a TCP proxy on a free
 * loopback port between a client and a real server, and the
 * {@link io.ysh.testkit.server.fault.Toxic}s it injects (latency, bandwidth, reset or close after
 * a number of bytes, blackhole, and canned HTTP answers such as {@code 503 SlowDown}).
 */
package io.ysh.testkit.server.fault;
