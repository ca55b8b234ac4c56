package io.sitrep.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy iteration over a paged listing (AIP-158): the next page is fetched when it is needed. */
final class Pages {
  private Pages() {}

  /** One page: its items and the next page's token, empty on the last page. */
  record Page<T>(List<T> items, String nextPageToken) {}

  /** Every item of every page, fetching {@code fetch(token)} as the stream is consumed. */
  static <T> Stream<T> stream(Function<String, Page<T>> fetch) {
    Iterator<T> items = new Iterator<>() {
      private Iterator<T> page = List.<T>of().iterator();
      private String token = "";
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !last) {
          Page<T> next = fetch.apply(token);
          page = next.items().iterator();
          token = next.nextPageToken();
          last = token.isEmpty();
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
  }
}
