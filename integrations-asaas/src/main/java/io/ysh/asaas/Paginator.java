package io.ysh.asaas;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy auto-pagination over an offset-paged Asaas list: one page in memory at a time, the next
 * page fetched only when the current one is used up.
 *
 * <p>Offset paging drifts when items are created while iterating (an item pushed from page n
 * to page n+1 would be seen twice); items whose id was on the previous page are skipped. Only
 * the ids of the previous and the current page are remembered, so memory stays constant however
 * long the list. Items deleted while iterating can shift others backwards past the cursor; Asaas
 * offers no cursor that prevents that, so reconcile-style jobs should filter by date.
 */
final class Paginator {

  /** The page size used by auto-pagination (Asaas's maximum). */
  static final int PAGE_SIZE = 100;

  private Paginator() {}

  /** Fetches one page given (offset, limit). */
  @FunctionalInterface
  interface PageFetcher<T> {
    Page<T> fetch(int offset, int limit);
  }

  static <T> Iterable<T> iterable(PageFetcher<T> fetcher, Function<T, String> id) {
    return () -> new PagingIterator<>(fetcher, id);
  }

  static <T> Stream<T> stream(PageFetcher<T> fetcher, Function<T, String> id) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(new PagingIterator<>(fetcher, id), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PagingIterator<T> implements Iterator<T> {
    private final PageFetcher<T> fetcher;
    private final Function<T, String> id;
    private Set<String> previousIds = new HashSet<>();
    private Set<String> currentIds = new HashSet<>();
    private Iterator<T> current;
    private int nextOffset;
    private boolean more = true;
    private T next;

    PagingIterator(PageFetcher<T> fetcher, Function<T, String> id) {
      this.fetcher = fetcher;
      this.id = id;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (current != null && current.hasNext()) {
          T candidate = current.next();
          String key = candidate == null ? null : id.apply(candidate);
          if (candidate == null || (key != null && (previousIds.contains(key) || !currentIds.add(key)))) {
            continue;
          }
          next = candidate;
        } else if (more) {
          Page<T> page = fetcher.fetch(nextOffset, PAGE_SIZE);
          previousIds = currentIds;
          currentIds = new HashSet<>();
          current = page.data().iterator();
          nextOffset += page.data().size();
          more = page.hasMore() && !page.data().isEmpty();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T t = next;
      next = null;
      return t;
    }
  }
}
