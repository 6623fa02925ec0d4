package io.ysh.core.url;

import io.ysh.core.YshException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One host of a resource URL's authority, with an optional port.
 *
 * @param host the host name or IP literal (IPv6 without brackets), never empty
 * @param port the port, or -1 when the URL did not give one
 */
public record HostAndPort(String host, int port) {

  /**
   * Validates the components.
   *
   * @param host see the record component
   * @param port see the record component
   * @throws YshException {@code INVALID_ARGUMENT} for an empty host or a port outside 1..65535
   */
  public HostAndPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw YshException.invalidArgument("host must not be empty");
    }
    if (port != -1 && (port < 1 || port > 65535)) {
      throw YshException.invalidArgument("port " + port + " is outside 1..65535");
    }
  }

  /**
   * The port, if the URL gave one.
   *
   * @return the port
   */
  public OptionalInt portIfPresent() {
    return port == -1 ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /**
   * The port, or the given default when the URL had none.
   *
   * @param defaultPort the driver's default port
   * @return a port number
   */
  public int portOr(int defaultPort) {
    return port == -1 ? defaultPort : port;
  }

  /**
   * Formats as {@code host:port}, with brackets around IPv6 literals.
   *
   * @return the authority form
   */
  @Override
  public String toString() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == -1 ? h : h + ":" + port;
  }
}
