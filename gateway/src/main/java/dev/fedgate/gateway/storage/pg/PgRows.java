package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.Stored;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

/** Conversions from PostgreSQL rows to the SPI's value types, in one place so every store maps them alike. */
final class PgRows {
  private PgRows() {}

  static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static Optional<Instant> optionalInstant(Row row, String column) {
    return Optional.ofNullable(instant(row, column));
  }

  static URI uri(Row row, String column) {
    return URI.create(row.getString(column));
  }

  static Optional<URI> optionalUri(Row row, String column) {
    return optionalString(row, column).map(URI::create);
  }

  static Optional<String> optionalString(Row row, String column) {
    return Optional.ofNullable(row.getString(column));
  }

  static Optional<Long> optionalLong(Row row, String column) {
    return Optional.ofNullable(row.getLong(column));
  }

  /** A value with the row's {@code created_at} and {@code updated_at}. */
  static <T> Stored<T> stored(T value, Row row) {
    return new Stored<>(value, instant(row, "created_at"), instant(row, "updated_at"));
  }

  /** The first row read with {@code reader}, or empty. */
  static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> reader) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(reader.apply(rows.iterator().next()));
  }

  /** The single number a {@code COUNT(*)} answers. */
  static long count(RowSet<Row> rows) {
    return rows.iterator().next().getLong(0);
  }
}
