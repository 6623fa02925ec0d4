package io.ysh.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One {@code ysh-secrets:} import, resolved: the store's URL and which secrets to load. Its
 * {@code toString} shows the URL with the password and sensitive parameters masked.
 */
public final class YshSecretsConfigDataResource extends ConfigDataResource {

  private final boolean optional;
  private final String url;
  private final List<String> keys;
  private final String listPrefix;
  private final String propertyPrefix;
  private final boolean refresh;
  private final Duration refreshInterval;

  YshSecretsConfigDataResource(boolean optional, String url, List<String> keys, String listPrefix, String propertyPrefix,
      boolean refresh, Duration refreshInterval) {
    super(optional);
    this.optional = optional;
    this.url = url;
    this.keys = List.copyOf(keys);
    this.listPrefix = listPrefix;
    this.propertyPrefix = propertyPrefix;
    this.refresh = refresh;
    this.refreshInterval = refreshInterval;
  }

  /** Whether the import was {@code optional:}, so that a failure contributes nothing. */
  boolean optional() {
    return optional;
  }

  String url() {
    return url;
  }

  List<String> keys() {
    return keys;
  }

  String listPrefix() {
    return listPrefix;
  }

  String propertyPrefix() {
    return propertyPrefix;
  }

  boolean refresh() {
    return refresh;
  }

  Duration refreshInterval() {
    return refreshInterval;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YshSecretsConfigDataResource r && r.url.equals(url) && r.keys.equals(keys)
        && r.listPrefix.equals(listPrefix) && r.propertyPrefix.equals(propertyPrefix) && r.refresh == refresh
        && r.refreshInterval.equals(refreshInterval) && r.optional == optional;
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, keys, listPrefix, propertyPrefix);
  }

  @Override
  public String toString() {
    return "ysh-secrets:[" + Urls.safe(url) + (keys.isEmpty() ? ", names under '" + listPrefix + "'" : ", " + keys) + "]";
  }
}
