package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keyset pages read from JDBC rows; the cursors themselves are {@link dev.fedgate.gateway.storage.support.PageCursors}.
 */
final class Keyset {
  private Keyset() {}

  /** Reads one row into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /**
   * Reads up to {@code limit} rows into a page; the query must ask for {@code limit + 1} rows, so one more row means
   * there is a next page, whose cursor {@code cursorOf} makes from the last row kept.
   */
  static <T> Page<T> collect(ResultSet rows, int limit, RowReader<T> reader, RowReader<String> cursorOf)
      throws SQLException {
    List<T> items = new ArrayList<>();
    String lastCursor = null;
    while (rows.next()) {
      if (items.size() == limit) {
        return new Page<>(items, Optional.of(lastCursor));
      }
      items.add(reader.read(rows));
      lastCursor = cursorOf.read(rows);
    }
    return new Page<>(items, Optional.empty());
  }
}
