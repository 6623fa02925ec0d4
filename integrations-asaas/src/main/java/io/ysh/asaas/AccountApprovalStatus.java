package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where a part of an account's onboarding stands (official schema:
 * {@code MyAccountGetStatusResponseStatus}).
 *
 * <p>Tolerant of values this SDK version does not know: they read as {@link #UNKNOWN}.
 */
public enum AccountApprovalStatus {
  /** Not sent yet. */
  PENDING,
  /** Approved. */
  APPROVED,
  /** Rejected: send it again. */
  REJECTED,
  /** Sent, under analysis. */
  AWAITING_APPROVAL,
  /** A value this SDK version does not know; see the raw string on the record. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Parses a value leniently.
   *
   * @param raw the text Asaas sent, may be null
   * @return the constant, {@link #UNKNOWN} for an unknown value, or null for null or blank
   */
  public static AccountApprovalStatus from(String raw) {
    return Enums.parse(AccountApprovalStatus.class, raw, UNKNOWN);
  }
}
