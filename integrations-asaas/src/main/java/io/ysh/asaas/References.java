package io.ysh.asaas;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** externalReference generation and paging parameters. */
final class References {

  private References() {}

  static String orGenerate(String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    return "ysh-" + UUID.randomUUID();
  }

  static Map<String, String> paging(Map<String, String> filter, int offset, int limit) {
    if (offset < 0) {
      throw Validation.invalid("offset", "must not be negative, was " + offset);
    }
    if (limit < 1 || limit > 100) {
      throw Validation.invalid("limit", "must be between 1 and 100, was " + limit);
    }
    Map<String, String> q = new HashMap<>(filter);
    q.put("offset", Integer.toString(offset));
    q.put("limit", Integer.toString(limit));
    return q;
  }
}
