package io.ysh.testkit.server.azure;

import io.ysh.testkit.server.Binaries;
import io.ysh.testkit.server.FreePorts;
import io.ysh.testkit.server.ManagedServer;
import io.ysh.testkit.server.ReadinessProbe;
import io.ysh.testkit.server.ServerProcess;
import io.ysh.testkit.server.SharedServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * Azurite, Microsoft's Azure Storage emulator, for the blob and queue drivers' tests: each
 * service runs once per JVM as its own process, bound to 127.0.0.1 on a free port, in memory,
 * with the well-known {@link #ACCOUNT} and {@link #KEY}.
 *
 * <p>Azurite comes from npm ({@value #PACKAGE}). Its {@code node_modules} directory is taken from
 * the system property {@code ysh.azurite.nodeModules}, the environment variable
 * {@code YSH_AZURITE_NODE_MODULES} (what {@code .ci/run} sets), or
 * {@code ~/.cache/ysh-azurite-<version>/node_modules}; when none has it, it is installed there with
 * {@code npm install}. Without npm, or when the install fails, the calling test is skipped with
 * the reason.
 */
public final class Azurite {

  /** The npm package and version the tests run. */
  public static final String PACKAGE = "azurite@" + Azurite.VERSION;

  /** The Azurite version the tests run (3.37 is the first whose Blob Batch the Java SDK can use). */
  public static final String VERSION = "3.37.0";

  /** Azurite's well-known development account. */
  public static final String ACCOUNT = "devstoreaccount1";

  /** Azurite's well-known development account key (public, documented by Microsoft). */
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Object INSTALL_LOCK = new Object();

  private Azurite() {}

  /**
   * The blob service endpoint, starting the service on first use.
   *
   * @return {@code http://127.0.0.1:<port>/devstoreaccount1}
   * @throws TestAbortedException when Azurite cannot be had on this machine
   */
  public static String blobEndpoint() {
    return endpoint("blob");
  }

  /**
   * The queue service endpoint, starting the service on first use.
   *
   * @return {@code http://127.0.0.1:<port>/devstoreaccount1}
   * @throws TestAbortedException when Azurite cannot be had on this machine
   */
  public static String queueEndpoint() {
    return endpoint("queue");
  }

  private static String endpoint(String service) {
    Path modules = nodeModules();
    Service s =
        SharedServers.getOrStart(
            "azurite-" + service,
            () -> {
              int port = FreePorts.next();
              ServerProcess p =
                  ServerProcess.builder("azurite-" + service)
                      .npmBinary(
                          modules,
                          "azurite-" + service,
                          List.of(
                              "--" + service + "Host", "127.0.0.1",
                              "--" + service + "Port", String.valueOf(port),
                              "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence", "--loose"))
                      .readiness(ReadinessProbe.tcp("127.0.0.1", port))
                      .startupTimeout(Duration.ofSeconds(60))
                      .start();
              return new Service(p, port);
            });
    return "http://127.0.0.1:" + s.port + "/" + ACCOUNT;
  }

  private static Path nodeModules() {
    String prop = System.getProperty("ysh.azurite.nodeModules");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("YSH_AZURITE_NODE_MODULES");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path prefix = Path.of(System.getProperty("user.home"), ".cache", "ysh-azurite-" + VERSION);
    Path modules = prefix.resolve("node_modules");
    synchronized (INSTALL_LOCK) {
      if (!Files.isExecutable(modules.resolve(".bin").resolve("azurite"))) {
        install(prefix);
      }
    }
    return modules;
  }

  private static void install(Path prefix) {
    Path npm = Binaries.require("npm", "install Node.js and npm (Debian: apt-get install nodejs npm) to run the Azure tests");
    Path log = prefix.resolve("npm-install.log");
    try {
      Files.createDirectories(prefix);
      Process p =
          new ProcessBuilder(npm.toString(), "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), PACKAGE)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new TestAbortedException("npm install " + PACKAGE + " failed; see " + log);
      }
    } catch (IOException e) {
      throw new TestAbortedException("npm install " + PACKAGE + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestAbortedException("interrupted while installing " + PACKAGE, e);
    }
  }

  private static final class Service implements ManagedServer {
    private final ServerProcess process;
    private final int port;

    Service(ServerProcess process, int port) {
      this.process = process;
      this.port = port;
    }

    @Override
    public String name() {
      return process.name();
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
