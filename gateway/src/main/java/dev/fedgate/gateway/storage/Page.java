package dev.fedgate.gateway.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing, in the listing's order, with the cursor of the page after it ({@code next}, for
 * {@link PageRequest#after}) when there may be one, and of the page before it ({@code prev}, for
 * {@link PageRequest#before}) when there may be one. The first page has no {@code prev} and the last page read forward
 * has no {@code next}. A cursor is opaque, belongs to the listing that produced it, and a malformed one makes the read
 * fail with {@link IllegalArgumentException}.
 */
public record Page<T>(List<T> items, Optional<String> next, Optional<String> prev) {
  /** Checks presence and copies the list. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(prev, "prev");
  }

  /** A page with nothing in it and nothing around it. */
  public static <T> Page<T> empty() {
    return new Page<>(List.of(), Optional.empty(), Optional.empty());
  }

  /** The same page with each item converted by {@code convert}; the cursors are kept. */
  public <R> Page<R> map(Function<? super T, ? extends R> convert) {
    return new Page<>(items.stream().<R>map(convert).toList(), next, prev);
  }
}
