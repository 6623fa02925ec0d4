package io.ysh.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link YshConfigurationException} into Spring Boot's start-up report: the description
 * names the property and what is wrong with it, the action names the Maven artifact to add when a
 * driver is missing, or the property to correct otherwise.
 */
public final class YshConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<YshConfigurationException> {

  /** Creates the analyzer (Spring Boot instantiates it from {@code META-INF/spring.factories}). */
  public YshConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, YshConfigurationException cause) {
    String action = cause.missingArtifact()
        .map(a -> "Add the dependency " + a + " to the application (it holds the driver for that URL scheme), or change "
            + cause.property() + ".")
        .orElse("Correct " + cause.property() + " (see the YSH SDK starter's README for the property reference).");
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }
}
