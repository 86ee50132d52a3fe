package dev.fedgate.gateway.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a collection page starts: the first page, or after a store cursor. {@code previous} is the start of the page
 * that linked here with {@code next} (an empty string for the first page), carried in the page URL because the
 * store pages forward only: it gives the page its {@code prev} link without an OFFSET scan.
 */
public record PagePosition(Optional<String> after, Optional<String> previous) {
  /** The first page. */
  public static final PagePosition FIRST = new PagePosition(Optional.empty(), Optional.empty());

  /** Checks presence. */
  public PagePosition {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(previous, "previous");
  }

  /** Whether this is the first page. */
  public boolean isFirst() {
    return after.isEmpty();
  }

  /** The page after this one, starting after {@code cursor}, remembering this one as its previous page. */
  public PagePosition next(String cursor) {
    return new PagePosition(Optional.of(cursor), Optional.of(after.orElse("")));
  }

  /** The page before this one, when known. */
  public Optional<PagePosition> prev() {
    return previous.map(p -> p.isEmpty() ? FIRST : new PagePosition(Optional.of(p), Optional.empty()));
  }
}
