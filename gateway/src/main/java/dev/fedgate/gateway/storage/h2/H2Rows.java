package dev.fedgate.gateway.storage.h2;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Conversions between JDBC columns and the SPI's value types, in one place so every store maps them alike. */
final class H2Rows {
  private H2Rows() {}

  /** Times are kept to the microsecond, as {@code TIMESTAMP(6)} and PostgreSQL's {@code timestamptz} keep them. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(instant(rows, column));
  }

  static URI uri(ResultSet rows, String column) throws SQLException {
    return URI.create(rows.getString(column));
  }

  static Optional<URI> optionalUri(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getString(column)).map(URI::create);
  }

  static Optional<String> optionalString(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getString(column));
  }

  static void setOptional(PreparedStatement statement, int index, Optional<?> value) throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get().toString());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }
}
