package io.ysh.testkit.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A server could not be started: its process could not be launched, exited before it was
 * ready, or was not ready within the startup timeout (and was killed).
 *
 * <p>The message says which server, the command, the exit code when the process exited, what
 * readiness was waited for, where the full log is, and the last lines of the server's output,
 * so a failing test explains itself without anyone opening a file.
 */
public class ServerStartException extends IllegalStateException {

  /** The name of the server that failed to start. */
  private final String serverName;

  /** The exit code of the server's process, or {@code null} if it did not exit on its own. */
  private final Integer exitCode;

  /** The last lines of the server's output, oldest first. */
  private final List<String> logTail;

  /** The server's log file, or {@code null}; not serialized ({@link Path} is not serializable). */
  private final transient Path logFile;

  ServerStartException(
      String message,
      String serverName,
      Integer exitCode,
      List<String> logTail,
      Path logFile,
      Throwable cause) {
    super(message, cause);
    this.serverName = serverName;
    this.exitCode = exitCode;
    this.logTail = List.copyOf(logTail);
    this.logFile = logFile;
  }

  /**
   * The name of the server that failed to start.
   *
   * @return the server's name
   */
  public String serverName() {
    return serverName;
  }

  /**
   * The exit code of the server's process, if it exited on its own before it was ready.
   *
   * @return the exit code, or empty if the process never ran, was killed, or is in-JVM
   */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /**
   * The last lines the server printed (at most about forty), oldest first; they are also in
   * the message.
   *
   * @return the lines, empty for an in-JVM server or a process that printed nothing
   */
  public List<String> logTail() {
    return logTail;
  }

  /**
   * The file holding the server's complete output.
   *
   * @return the log file, or empty for an in-JVM server
   */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }
}
