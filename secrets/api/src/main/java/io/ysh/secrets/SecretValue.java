package io.ysh.secrets;

import io.ysh.core.Args;
import io.ysh.core.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of a secret as a store returned it: the value (a core {@link Secret}, which never
 * prints itself), the version id, when that version was created and the provider's labels
 * (Vault custom metadata, AWS version stages, Azure tags, GCP labels).
 *
 * <p>Version, creation time and labels are present only where the provider has them: an
 * environment variable has no version. {@link #toString()} shows the name and version, never
 * the value. Immutable and thread-safe.
 */
public final class SecretValue {

  private final String name;
  private final Secret secret;
  private final String version;
  private final Instant createdTime;
  private final Map<String, String> labels;

  private SecretValue(Builder b) {
    this.name = Args.notNull(b.name, "name");
    this.secret = Args.notNull(b.secret, "secret");
    this.version = b.version;
    this.createdTime = b.createdTime;
    this.labels = b.labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(b.labels));
  }

  /**
   * A value without version, time or labels.
   *
   * @param name the secret's name
   * @param secret the value
   * @return the value
   */
  public static SecretValue of(String name, Secret secret) {
    return builder(name, secret).build();
  }

  /**
   * Starts building a value.
   *
   * @param name the secret's name
   * @param secret the value
   * @return a builder
   */
  public static Builder builder(String name, Secret secret) {
    return new Builder(name, secret);
  }

  /**
   * The secret's name in the store.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The value; {@link Secret#reveal()} gives the text, {@link Secret#revealBytes()} the bytes.
   *
   * @return the value
   */
  public Secret secret() {
    return secret;
  }

  /**
   * The provider's version id (a Vault version number, an AWS version id, a GCP version number,
   * an Azure version string).
   *
   * @return the version, if the provider versions secrets
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * When this version was created, as the provider reported it.
   *
   * @return the creation time, if the provider has it
   */
  public Optional<Instant> createdTime() {
    return Optional.ofNullable(createdTime);
  }

  /**
   * The provider's labels or metadata for this secret, sorted by key.
   *
   * @return the labels; empty when the provider has none
   */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * Whether {@code other} is a different version of this secret: the version ids differ when
   * both have one, else the values differ (compared in constant time).
   *
   * @param other another value of the same secret
   * @return true when it is not the same version
   */
  public boolean differsFrom(SecretValue other) {
    if (other == null) {
      return true;
    }
    if (version != null && other.version != null) {
      return !version.equals(other.version);
    }
    return !secret.equals(other.secret);
  }

  /** Equal when name, value, version, creation time and labels are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue v
        && name.equals(v.name)
        && secret.equals(v.secret)
        && Objects.equals(version, v.version)
        && Objects.equals(createdTime, v.createdTime)
        && labels.equals(v.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, createdTime);
  }

  /** Name, version and creation time; the value is always {@code ****}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SecretValue[name=").append(name);
    if (version != null) {
      sb.append(", version=").append(version);
    }
    if (createdTime != null) {
      sb.append(", created=").append(createdTime);
    }
    return sb.append(", value=****]").toString();
  }

  /** Builds {@link SecretValue}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Secret secret;
    private String version;
    private Instant createdTime;
    private final Map<String, String> labels = new TreeMap<>();

    private Builder(String name, Secret secret) {
      this.name = Args.notNull(name, "name");
      this.secret = Args.notNull(secret, "secret");
    }

    /**
     * {@return this builder}
     *
     * @param version {@link SecretValue#version()}, or null
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param createdTime {@link SecretValue#createdTime()}, or null
     */
    public Builder createdTime(Instant createdTime) {
      this.createdTime = createdTime;
      return this;
    }

    /**
     * Adds labels.
     *
     * @param labels labels to add (null values are skipped)
     * @return this builder
     */
    public Builder labels(Map<String, String> labels) {
      if (labels != null) {
        labels.forEach(this::label);
      }
      return this;
    }

    /**
     * Adds one label.
     *
     * @param key the label key
     * @param value the label value; a null value is skipped
     * @return this builder
     */
    public Builder label(String key, String value) {
      if (key != null && value != null) {
        labels.put(key, value);
      }
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public SecretValue build() {
      return new SecretValue(this);
    }
  }
}
