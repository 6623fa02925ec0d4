package io.ysh.storage;

import io.ysh.core.Args;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param entries the objects and common prefixes of this page, in ascending key order (UTF-8
 *     byte order)
 * @param nextPageToken the opaque token for the next page, or {@code null} on the last page
 */
public record ListPage(List<ListEntry> entries, String nextPageToken) {

  /**
   * Copies the entries.
   *
   * @param entries the entries
   * @param nextPageToken the token or null
   */
  public ListPage {
    entries = List.copyOf(Args.notNull(entries, "entries"));
  }

  /**
   * The token of the next page.
   *
   * @return the token, empty on the last page
   */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
