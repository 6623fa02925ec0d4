/**
 * The HTTP plumbing shared by the YSH simulators ({@code io.ysh.testkit.asaas.AsaasSimulator},
 * {@code io.ysh.testkit.aneel.AneelSimulator}): a {@link io.ysh.testkit.http.SimulatorServer} on
 * the JDK's HTTP server bound to 127.0.0.1, and {@link io.ysh.testkit.http.Exchanges} to read a
 * request and answer it, or to fail it the way networks do (a dropped connection, a body cut
 * short). Support code for the simulators, not a general-purpose server.
 */
package io.ysh.testkit.http;
