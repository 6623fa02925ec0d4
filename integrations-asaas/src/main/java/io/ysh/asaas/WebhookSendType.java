package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How Asaas delivers a webhook's events.
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}, and the
 * records that hold one also keep the raw string.
 */
public enum WebhookSendType {
  /** In order, one at a time; a failure blocks the queue. */
  SEQUENTIALLY,
  /** In parallel, no ordering. */
  NON_SEQUENTIALLY,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static WebhookSendType from(String raw) {
    return Enums.parse(WebhookSendType.class, raw, UNKNOWN);
  }
}
