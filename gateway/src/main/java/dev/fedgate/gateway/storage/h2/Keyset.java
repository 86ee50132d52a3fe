package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Page;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque page cursors holding the sort key of the last row of a page (a few longs, or one text). Malformed cursors
 * are refused with {@link IllegalArgumentException}; decoded keys only ever reach SQL as bound parameters.
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

  /** A cursor holding one text sort key. */
  static String encodeText(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeText(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed page cursor", e);
    }
  }

  static String encode(long... parts) {
    StringBuilder text = new StringBuilder();
    for (long part : parts) {
      if (text.length() > 0) {
        text.append('.');
      }
      text.append(part);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static long[] decode(String cursor, int count) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] fields = text.split("\\.", -1);
      if (fields.length != count) {
        throw new IllegalArgumentException("malformed page cursor");
      }
      long[] parts = new long[count];
      for (int i = 0; i < count; i++) {
        parts[i] = Long.parseLong(fields[i]);
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed page cursor", e);
    }
  }
}
