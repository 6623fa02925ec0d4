package io.ysh.storage;

import io.ysh.core.Args;
import io.ysh.core.YshException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to write an object: content type, cache control, user metadata and preconditions.
 * Immutable; build one with {@link #builder()}.
 *
 * <p>User metadata keys are portable when they are lower-case ASCII letters and digits starting
 * with a letter: Azure wants C# identifiers (no {@code -}), S3 lower-cases keys, and some HTTP
 * proxies and S3-compatible servers drop headers with {@code _}. Values must be
 * printable US-ASCII. Together at most 2 KiB. Checked when the options are built.
 */
public final class WriteOptions {

  /** The content type used when none is given. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private static final WriteOptions DEFAULTS = builder().build();
  private static final int MAX_METADATA_BYTES = 2048;

  private final String contentType;
  private final String cacheControl;
  private final Map<String, String> metadata;
  private final boolean ifNoneMatchAny;
  private final String ifMatch;

  private WriteOptions(Builder b) {
    this.contentType = b.contentType == null ? DEFAULT_CONTENT_TYPE : b.contentType;
    this.cacheControl = b.cacheControl;
    this.metadata = Map.copyOf(b.metadata);
    this.ifNoneMatchAny = b.ifNoneMatchAny;
    this.ifMatch = b.ifMatch;
  }

  /**
   * Options with nothing set.
   *
   * @return the defaults
   */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts building options.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.contentType = contentType;
    b.cacheControl = cacheControl;
    b.metadata.putAll(metadata);
    b.ifNoneMatchAny = ifNoneMatchAny;
    b.ifMatch = ifMatch;
    return b;
  }

  /**
   * The content type.
   *
   * @return the content type, {@link #DEFAULT_CONTENT_TYPE} unless set
   */
  public String contentType() {
    return contentType;
  }

  /**
   * The {@code Cache-Control} value.
   *
   * @return the value, if set
   */
  public Optional<String> cacheControl() {
    return Optional.ofNullable(cacheControl);
  }

  /**
   * The user metadata.
   *
   * @return the metadata, never null
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Whether the write must fail with {@code PRECONDITION_FAILED} if the key exists.
   *
   * @return true for create-only
   */
  public boolean ifNoneMatchAny() {
    return ifNoneMatchAny;
  }

  /**
   * The ETag the existing object must have, or the write fails with {@code PRECONDITION_FAILED}.
   *
   * @return the expected ETag, if set
   */
  public Optional<String> ifMatch() {
    return Optional.ofNullable(ifMatch);
  }

  /**
   * Whether any precondition is set.
   *
   * @return true if conditional
   */
  public boolean isConditional() {
    return ifNoneMatchAny || ifMatch != null;
  }

  @Override
  public String toString() {
    return "WriteOptions[contentType=" + contentType + ", metadataKeys=" + metadata.keySet()
        + (ifNoneMatchAny ? ", ifNoneMatch=*" : "") + (ifMatch != null ? ", ifMatch=" + ifMatch : "") + "]";
  }

  /**
   * Builds {@link WriteOptions}; a setter sets the option of the same name, described on its
   * accessor. Not thread-safe.
   */
  public static final class Builder {
    private String contentType;
    private String cacheControl;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean ifNoneMatchAny;
    private String ifMatch;

    private Builder() {}

    /**
     * {@return this builder}
     *
     * @param contentType {@link WriteOptions#contentType()}, such as {@code text/plain; charset=utf-8}
     */
    public Builder contentType(String contentType) {
      this.contentType = requireHeaderValue("contentType", contentType);
      return this;
    }

    /**
     * {@return this builder}
     *
     * @param cacheControl {@link WriteOptions#cacheControl()}, such as {@code max-age=3600}
     */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = requireHeaderValue("cacheControl", cacheControl);
      return this;
    }

    /**
     * Adds one user metadata entry.
     *
     * @param key lower-case ASCII letters and digits, starting with a letter
     * @param value printable US-ASCII
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} for a key or value that is not portable
     */
    public Builder metadata(String key, String value) {
      Args.notNull(key, "metadata key");
      Args.notNull(value, "metadata value");
      if (!key.matches("[a-z][a-z0-9]{0,127}")) {
        throw YshException.invalidArgument(
            "metadata key '" + key + "' is not portable: use lower-case ASCII letters and digits,"
                + " starting with a letter (such as '" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "')");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw YshException.invalidArgument(
              "metadata value of '" + key + "' must be printable US-ASCII (character " + i + " is not)");
        }
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * Adds user metadata entries, as {@link #metadata(String, String)} does for each.
     *
     * @param entries the entries
     * @return this builder
     */
    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /**
     * Makes the write create-only: it fails with {@code PRECONDITION_FAILED} if the key exists.
     *
     * @return this builder
     */
    public Builder ifNoneMatchAny() {
      this.ifNoneMatchAny = true;
      return this;
    }

    /**
     * Makes the write an update of a known version: it fails with {@code PRECONDITION_FAILED}
     * unless the current object has this ETag (and with {@code NOT_FOUND} or
     * {@code PRECONDITION_FAILED} if there is none, depending on the provider).
     *
     * @param etag the ETag from {@link ObjectInfo#etag()} or {@link WriteResult#etag()}
     * @return this builder
     */
    public Builder ifMatch(String etag) {
      this.ifMatch = requireHeaderValue("ifMatch", etag);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws YshException {@code INVALID_ARGUMENT} when the metadata is too large or both
     *     preconditions are set
     */
    public WriteOptions build() {
      int bytes = 0;
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        bytes += e.getKey().length() + e.getValue().length();
      }
      if (bytes > MAX_METADATA_BYTES) {
        throw YshException.invalidArgument(
            "user metadata is " + bytes + " bytes; at most " + MAX_METADATA_BYTES + " are portable");
      }
      if (ifNoneMatchAny && ifMatch != null) {
        throw YshException.invalidArgument("ifNoneMatchAny and ifMatch cannot be combined");
      }
      return new WriteOptions(this);
    }

    private static String requireHeaderValue(String what, String value) {
      if (value == null || value.isBlank()) {
        throw YshException.invalidArgument(what + " must not be null or blank");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw YshException.invalidArgument(what + " must be printable US-ASCII");
        }
      }
      return value;
    }
  }
}
