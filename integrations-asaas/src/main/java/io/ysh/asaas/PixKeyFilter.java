package io.ysh.asaas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Conditions for listing Pix address keys (official schema: {@code ListKeysParameters} of
 * {@code GET /v3/pix/addressKeys}: status, statusList).
 *
 * <p>Immutable: every method returns a new filter. Only the filters Asaas documents are offered.
 */
public final class PixKeyFilter {

  private final Map<String, String> params;

  private PixKeyFilter(Map<String, String> params) {
    this.params = params;
  }

  /**
   * No condition.
   *
   * @return an empty filter
   */
  public static PixKeyFilter all() {
    return new PixKeyFilter(Map.of());
  }

  /**
   * Keys in this status.
   *
   * @param status the status; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixKeyFilter status(PixKeyStatus status) {
    return with("status", known("status", status));
  }

  /**
   * Keys in any of these statuses.
   *
   * @param statuses the statuses, at least one; UNKNOWN is refused
   * @return a filter with this condition added
   */
  public PixKeyFilter statusList(PixKeyStatus... statuses) {
    Validation.required("statuses", statuses);
    if (statuses.length == 0) {
      throw Validation.invalid("statuses", "must name at least one status");
    }
    StringBuilder sb = new StringBuilder();
    for (PixKeyStatus s : statuses) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(known("statuses", s));
    }
    return with("statusList", sb.toString());
  }

  private static String known(String field, PixKeyStatus s) {
    Validation.required(field, s);
    if (s == PixKeyStatus.UNKNOWN) {
      throw Validation.invalid(field, "UNKNOWN is not a status Asaas knows");
    }
    return s.name();
  }

  Map<String, String> params() {
    return params;
  }

  private PixKeyFilter with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(params);
    copy.put(key, value);
    return new PixKeyFilter(Map.copyOf(copy));
  }

  @Override
  public String toString() {
    return "PixKeyFilter" + params.keySet();
  }
}
