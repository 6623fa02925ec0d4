package io.ysh.asaas;

import java.util.List;

/**
 * One page of an Asaas list ({@code {"object":"list","hasMore":…,"totalCount":…,"limit":…,
 * "offset":…,"data":[…]}}).
 *
 * @param <T> the item type
 * @param hasMore whether more items follow this page
 * @param totalCount the total number of matching items Asaas reported
 * @param limit the page size used
 * @param offset the 0-based offset of this page's first item
 * @param data the items, never null
 */
public record Page<T>(boolean hasMore, int totalCount, int limit, int offset, List<T> data) {

  /**
   * Normalizes a missing {@code data} to an empty list.
   *
   * @param hasMore see the record component
   * @param totalCount see the record component
   * @param limit see the record component
   * @param offset see the record component
   * @param data see the record component
   */
  public Page {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
