package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.PageRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a collection page lies: the first page, the page after a store cursor (a page's {@code next}), or the page
 * before one (a page's {@code prev}). The store reads either direction by keyset, so every page but the first has its
 * {@code prev}, however it was reached.
 */
public record PagePosition(Optional<String> after, Optional<String> before) {
  /** The first page. */
  public static final PagePosition FIRST = new PagePosition(Optional.empty(), Optional.empty());

  /** Checks presence, and that a position is not both after one cursor and before another. */
  public PagePosition {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(before, "before");
    if (after.isPresent() && before.isPresent()) {
      throw new IllegalArgumentException("a page lies after a cursor or before one, not both");
    }
  }

  /** The page after {@code cursor}. */
  public static PagePosition after(String cursor) {
    return new PagePosition(Optional.of(cursor), Optional.empty());
  }

  /** The page before {@code cursor}. */
  public static PagePosition before(String cursor) {
    return new PagePosition(Optional.empty(), Optional.of(cursor));
  }

  /** Whether this is the first page. */
  public boolean isFirst() {
    return after.isEmpty() && before.isEmpty();
  }

  /** The store's request for this page, {@code limit} items long. */
  public PageRequest request(int limit) {
    if (before.isPresent()) {
      return PageRequest.before(before.get(), limit);
    }
    return after.map(cursor -> PageRequest.after(cursor, limit)).orElseGet(() -> PageRequest.first(limit));
  }
}
