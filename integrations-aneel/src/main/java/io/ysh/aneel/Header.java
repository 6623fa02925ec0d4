package io.ysh.aneel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Column positions, matched case-insensitively, with a fast path for the names code asks for. */
final class Header {

  private final List<String> names;
  private final Map<String, Integer> byLower = new HashMap<>();
  private final Map<String, Integer> exact = new HashMap<>();

  Header(List<String> raw) {
    List<String> clean = new ArrayList<>(raw.size());
    for (String n : raw) {
      String s = n == null ? "" : n.strip();
      if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
        s = s.substring(1).strip();
      }
      clean.add(s);
      byLower.putIfAbsent(s.toLowerCase(Locale.ROOT), clean.size() - 1);
    }
    this.names = List.copyOf(clean);
  }

  List<String> names() {
    return names;
  }

  int size() {
    return names.size();
  }

  /** The index of a column, or -1. */
  int index(String column) {
    Integer i = exact.get(column);
    if (i == null) {
      i = byLower.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
      exact.put(column, i);
    }
    return i;
  }

  /** Fails naming every missing column. */
  void require(String what, Collection<String> columns) {
    List<String> missing = new ArrayList<>();
    for (String c : columns) {
      if (index(c) < 0) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw AneelException.of(
          AneelException.Problem.MISSING_COLUMN,
          what + ": missing column" + (missing.size() > 1 ? "s " : " ") + missing + " (header has " + names + ")");
    }
  }

  /**
   * Fails unless the header is exactly the given columns (any order, any case): names every
   * missing column and every column that is not one of them. {@code alternatives} maps a
   * column to another spelling accepted in its place; {@code tolerated} columns (the datastore's
   * {@code _id} and {@code rank}) may appear besides.
   */
  void requireExactly(String what, Collection<String> columns, Map<String, String> alternatives, Set<String> tolerated) {
    List<String> missing = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    for (String c : columns) {
      String alt = alternatives.get(c);
      if (index(c) >= 0) {
        known.add(c.toLowerCase(Locale.ROOT));
      } else if (alt != null && index(alt) >= 0) {
        known.add(alt.toLowerCase(Locale.ROOT));
      } else {
        missing.add(alt == null ? c : c + " (or " + alt + ")");
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String n : names) {
      String k = n.toLowerCase(Locale.ROOT);
      if (!known.contains(k) && !tolerated.contains(k)) {
        unexpected.add(n);
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      throw AneelException.of(
          AneelException.Problem.MISSING_COLUMN,
          what
              + ": the header differs from ANEEL's data dictionary"
              + (missing.isEmpty() ? "" : "; missing " + missing)
              + (unexpected.isEmpty() ? "" : "; not in the dictionary " + unexpected)
              + " (header has " + names + ")");
    }
  }
}
