package io.ysh.testkit.asaas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One parsed API request.
 *
 * @param method the upper-case method
 * @param path the raw path relative to {@code /v3}, trailing slash kept
 * @param segments the non-empty path segments
 * @param trailingSlash whether the path ends with {@code /} (Asaas routes {@code POST /payments/}
 *     and {@code POST /payments} to different endpoints)
 * @param query the decoded query parameters
 * @param body the JSON body, an empty object when there was none
 */
record SimRequest(String method, String path, List<String> segments, boolean trailingSlash, Map<String, String> query, JsonNode body) {

  String segment(int i) {
    return i < segments.size() ? segments.get(i) : null;
  }

  int depth() {
    return segments.size();
  }

  boolean is(String m, int depth) {
    return method.equals(m) && segments.size() == depth;
  }
}
