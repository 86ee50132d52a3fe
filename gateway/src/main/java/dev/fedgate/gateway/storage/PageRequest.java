package dev.fedgate.gateway.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a keyset-paginated listing to read: the first one, or the one after an opaque cursor taken from
 * {@link Page#next()}. Cursors stay valid while rows are inserted, so paging never skips or repeats a row that
 * existed when paging began.
 */
public record PageRequest(Optional<String> after, int limit) {
  /** The largest page a store returns; bigger requests are refused rather than scanned. */
  public static final int MAX_LIMIT = 1000;

  /** Checks the cursor presence and that {@code limit} is 1 to {@value #MAX_LIMIT}. */
  public PageRequest {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The first page. */
  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  /** The page after {@code cursor}. */
  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(Optional.of(cursor), limit);
  }
}
