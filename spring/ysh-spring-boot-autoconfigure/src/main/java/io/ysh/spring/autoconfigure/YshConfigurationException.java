package io.ysh.spring.autoconfigure;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ysh.*} property that the SDK could not turn into a bean: an unknown URL scheme, a driver
 * missing from the class path, a malformed URL or a bad parameter. Spring Boot reports it at
 * start-up through {@link YshConfigurationFailureAnalyzer}, naming the property and, when a driver
 * is missing, the Maven artifact to add. Its message never holds a credential: URLs appear with
 * their password and sensitive parameters masked.
 */
public final class YshConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final Pattern ARTIFACT = Pattern.compile("add (io\\.ysh:[A-Za-z0-9._-]+)");

  /** The property at fault. */
  private final String property;

  /** The artifact holding the missing driver, or {@code null}. */
  private final String artifact;

  /**
   * Creates the exception.
   *
   * @param property the property at fault, such as {@code ysh.storage.url}
   * @param problem what is wrong, without any secret value
   * @param cause the SDK's error, or {@code null}
   */
  public YshConfigurationException(String property, String problem, Throwable cause) {
    super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
    this.property = property;
    this.artifact = cause instanceof YshException y && y.code() == ErrorCode.UNSUPPORTED ? artifactIn(y.getMessage()) : null;
  }

  /**
   * Wraps the failure to open a URL-configured resource.
   *
   * @param property the property holding the URL
   * @param url the URL as configured (it is masked before it reaches the message)
   * @param cause the SDK's error
   * @return the exception
   */
  static YshConfigurationException forUrl(String property, String url, YshException cause) {
    return new YshConfigurationException(
        property, "cannot open " + Urls.safe(url) + ": " + cause.getMessage(), cause);
  }

  private static String artifactIn(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = ARTIFACT.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The property at fault.
   *
   * @return the property name, such as {@code ysh.queue.topics.orders.url}
   */
  public String property() {
    return property;
  }

  /**
   * The Maven artifact that would provide the missing driver, when that is the problem.
   *
   * @return {@code groupId:artifactId}, such as {@code io.ysh:ysh-storage-s3}
   */
  public Optional<String> missingArtifact() {
    return Optional.ofNullable(artifact);
  }
}
