package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Auto-pagination is lazy (one page in memory at a time) and drops boundary duplicates. */
class PaginatorTest {

  private static Page<String> page(List<String> all, int offset, int limit) {
    int end = Math.min(all.size(), offset + limit);
    return new Page<>(end < all.size(), all.size(), limit, offset, offset >= end ? List.of() : new ArrayList<>(all.subList(offset, end)));
  }

  @Test
  void tenThousandItemsAreFetchedOnePageAtATime() {
    List<String> all = IntStream.range(0, 10_000).mapToObj(i -> "pay_" + i).toList();
    AtomicInteger fetches = new AtomicInteger();
    Iterator<String> it = Paginator.<String>iterable((o, l) -> {
      fetches.incrementAndGet();
      return page(all, o, l);
    }, s -> s).iterator();
    assertThat(fetches).hasValue(0);
    it.next();
    assertThat(fetches).hasValue(1);
    for (int i = 1; i < 150; i++) {
      it.next();
    }
    assertThat(fetches).as("only the pages needed so far").hasValue(2);
    int n = 150;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    assertThat(n).isEqualTo(10_000);
    assertThat(fetches).hasValue(100);
  }

  @Test
  void duplicatesAtPageBoundariesAreDropped() {
    List<String> all = new ArrayList<>(IntStream.range(0, 250).mapToObj(i -> "id" + i).toList());
    List<String> seen = new ArrayList<>();
    for (String s : Paginator.<String>iterable((o, l) -> {
      if (o == 100) {
        all.add(0, "new1"); // inserted in front while iterating: id99 moves onto page 2
      }
      return page(all, o, l);
    }, s -> s)) {
      seen.add(s);
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(250);
  }

  @Test
  void emptyListAndStreamOfIt() {
    assertThat(Paginator.<String>stream((o, l) -> page(List.of(), o, l), s -> s)).isEmpty();
  }
}
