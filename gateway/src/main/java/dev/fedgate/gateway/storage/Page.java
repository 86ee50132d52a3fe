package dev.fedgate.gateway.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing, and the cursor of the page after it when there may be one. A cursor is opaque, belongs to
 * the listing that produced it, and a malformed one makes the read fail with {@link IllegalArgumentException}.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  /** Checks presence and copies the list. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
