package io.ysh.spring.autoconfigure;

import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.util.function.Function;

/** Opening URL-configured resources with errors that name the property. */
final class Urls {

  private Urls() {}

  /** The URL with its password and sensitive parameters masked, or only its scheme when it cannot be parsed. */
  static String safe(String url) {
    if (url == null) {
      return "(no URL)";
    }
    try {
      return ResourceUrl.parse(url).toString();
    } catch (RuntimeException e) {
      int colon = url.indexOf(':');
      return colon > 0 ? "a malformed " + url.substring(0, colon) + ": URL" : "a malformed URL";
    }
  }

  /** Opens a resource from the URL in a property, or fails naming the property. */
  static <T> T open(String property, String url, Function<String, T> opener) {
    if (url == null || url.isBlank()) {
      throw new YshConfigurationException(property, "is empty; set a URL such as mem://", null);
    }
    try {
      return opener.apply(url.strip());
    } catch (YshException e) {
      throw YshConfigurationException.forUrl(property, url, e);
    }
  }
}
