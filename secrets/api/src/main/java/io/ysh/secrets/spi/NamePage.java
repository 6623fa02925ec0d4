package io.ysh.secrets.spi;

import java.util.List;
import java.util.Objects;

/**
 * One page of secret names returned by {@link SecretDriver#list}.
 *
 * @param names the names on this page, each starting with the requested prefix; may be empty
 *     even when more pages follow (providers that filter after paging)
 * @param nextPageToken the token for the next page, or null when this is the last page
 */
public record NamePage(List<String> names, String nextPageToken) {

  /**
   * Copies the names.
   *
   * @param names the names on this page
   * @param nextPageToken the next token, or null
   */
  public NamePage {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
  }

  /**
   * The last page.
   *
   * @param names the names
   * @return a page without a next token
   */
  public static NamePage last(List<String> names) {
    return new NamePage(names, null);
  }
}
