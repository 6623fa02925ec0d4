package io.ysh.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's own version, read once from the jar. */
public final class SdkVersion {

  private static final String VERSION = load();

  private SdkVersion() {}

  /**
   * The version of the YSH SDK on the classpath, such as {@code 0.1.0}.
   *
   * @return the version
   */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("ysh-sdk.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SDK version resource", e);
    }
  }
}
