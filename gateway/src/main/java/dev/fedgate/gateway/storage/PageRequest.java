package dev.fedgate.gateway.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a keyset-paginated listing to read: the first one, the one after a cursor taken from
 * {@link Page#next()}, or the one before a cursor taken from {@link Page#prev()}. Cursors are opaque and belong to the
 * listing that produced them; a malformed one makes the read fail with {@link IllegalArgumentException}. They stay
 * valid while rows are inserted, so paging in either direction never skips or repeats a row that existed when paging
 * began.
 */
public record PageRequest(Optional<String> cursor, Direction direction, int limit) {
  /** The largest page a store returns; bigger requests are refused rather than scanned. */
  public static final int MAX_LIMIT = 1000;

  /** Which side of the cursor the page lies on; its items are always in the listing's order. */
  public enum Direction {
    /** The rows after the cursor (or the first rows, without one). */
    AFTER,
    /** The rows just before the cursor, which must be present. */
    BEFORE
  }

  /** Checks presence, that a page before has a cursor, and that {@code limit} is 1 to {@value #MAX_LIMIT}. */
  public PageRequest {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(direction, "direction");
    if (direction == Direction.BEFORE && cursor.isEmpty()) {
      throw new IllegalArgumentException("a page before needs a cursor");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The first page. */
  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), Direction.AFTER, limit);
  }

  /** The page after {@code cursor}. */
  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(Optional.of(cursor), Direction.AFTER, limit);
  }

  /** The page before {@code cursor}. */
  public static PageRequest before(String cursor, int limit) {
    return new PageRequest(Optional.of(cursor), Direction.BEFORE, limit);
  }

  /** Whether this reads backward, the page before its cursor. */
  public boolean backward() {
    return direction == Direction.BEFORE;
  }
}
