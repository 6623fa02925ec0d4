/**
 * A harness that starts real servers for tests and always stops them.
 *
 * <p>Driver tests run against real servers: S3Proxy, ElasticMQ and Kafka in their own JVMs
 * (from jars Maven copies into {@code target/}, never on the test class path), Azurite from
 * npm, {@code redis-server} instances for Sentinel and Cluster, and stubs inside the test JVM.
 * This package gives them one lifecycle:
 *
 * <ul>
 *   <li>{@link io.ysh.testkit.server.FreePorts} picks free ports on {@code 127.0.0.1}; every
 *       server binds the loopback address only.
 *   <li>{@link io.ysh.testkit.server.ServerProcess} launches a command, a Java main class (with
 *       the running JVM's {@code java}) or an npm program; writes its output to
 *       {@code target/server-logs/<name>-<timestamp>.log}; waits for a
 *       {@link io.ysh.testkit.server.ReadinessProbe} (TCP connect, HTTP status, a log line, or
 *       any custom check); and on failure throws a
 *       {@link io.ysh.testkit.server.ServerStartException} that quotes the exit code and the
 *       last lines of output. Closing it stops the process and all its descendants.
 *   <li>{@link io.ysh.testkit.server.JavaMainProcess} runs a {@code main} class of the test
 *       class path in a JVM of its own, waits for lines it prints and can kill it with SIGKILL,
 *       for crash tests; {@link io.ysh.testkit.server.ServerProcess#kill()} does the same to a
 *       server.
 *   <li>{@link io.ysh.testkit.server.EmbeddedServer} runs an in-JVM server under the same
 *       lifecycle; both are {@link io.ysh.testkit.server.ManagedServer}s.
 *   <li>{@link io.ysh.testkit.server.SharedServers} starts a server once per JVM for every test
 *       class that needs it.
 *   <li>{@link io.ysh.testkit.server.Binaries} finds installed programs and skips a test, with
 *       the reason and the install command, when one is missing;
 *       {@link io.ysh.testkit.server.MavenJars} builds class paths from copied jars.
 * </ul>
 *
 * <p>Every server still running when the JVM exits is stopped by one shared shutdown hook. (A
 * JVM killed with SIGKILL runs no hook; its servers then outlive it.)
 *
 * <pre>{@code
 * int port = FreePorts.next();
 * try (ServerProcess redis = ServerProcess.builder("redis")
 *     .command(List.of(Binaries.require("redis-server", "apt-get install redis-server").toString(),
 *         "--bind", "127.0.0.1", "--port", Integer.toString(port), "--save", ""))
 *     .readiness(ReadinessProbe.logLine(Pattern.compile("Ready to accept connections")))
 *     .startupTimeout(Duration.ofSeconds(20))
 *     .start()) {
 *   // talk to 127.0.0.1:port
 * }
 * }</pre>
 */
package io.ysh.testkit.server;
