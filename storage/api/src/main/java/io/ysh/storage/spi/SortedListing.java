package io.ysh.storage.spi;

import io.ysh.core.YshException;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Pages over a sorted view of keys, with common prefixes, for drivers that hold their keys
 * locally (memory, file system). The page token is the last key returned, encoded.
 */
public final class SortedListing {

  private static final String MAX_CODE_POINT = new String(Character.toChars(Character.MAX_CODE_POINT));

  private SortedListing() {}

  /**
   * Computes one page.
   *
   * @param <V> the value type
   * @param sorted the objects by key, in {@link StorageKeys#UTF8_ORDER}
   * @param options what to list
   * @param pageToken the token from the previous page, or null
   * @param toEntry turns a key and value into an entry
   * @return the page
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed token
   */
  public static <V> ListPage page(
      NavigableMap<String, V> sorted, ListOptions options, String pageToken,
      BiFunction<String, V, ListEntry> toEntry) {
    String after = pageToken == null ? null : decode(pageToken);
    String prefix = options.prefix();
    String delimiter = options.delimiter();
    Iterator<Map.Entry<String, V>> it =
        (after == null ? sorted.tailMap(prefix, true) : sorted.tailMap(after, false)).entrySet().iterator();
    List<ListEntry> entries = new ArrayList<>();
    String last = null;
    while (it.hasNext()) {
      Map.Entry<String, V> e = it.next();
      String key = e.getKey();
      if (!key.startsWith(prefix)) {
        if (StorageKeys.UTF8_ORDER.compare(key, prefix) > 0) {
          break;
        }
        continue;
      }
      if (entries.size() == options.pageSize()) {
        return new ListPage(entries, encode(last));
      }
      int at = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
      if (at >= 0) {
        String common = key.substring(0, at + delimiter.length());
        entries.add(ListEntry.prefix(common));
        // continue after the last possible key under the common prefix
        last = common + MAX_CODE_POINT;
        it = sorted.tailMap(last, false).entrySet().iterator();
      } else {
        entries.add(toEntry.apply(key, e.getValue()));
        last = key;
      }
    }
    return new ListPage(entries, null);
  }

  /**
   * Encodes a key as an opaque token.
   *
   * @param key the key
   * @return the token
   */
  public static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a token made by {@link #encode(String)}.
   *
   * @param token the token
   * @return the key
   * @throws YshException {@code INVALID_ARGUMENT} for a malformed token
   */
  public static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw YshException.invalidArgument("malformed list page token");
    }
  }

}
