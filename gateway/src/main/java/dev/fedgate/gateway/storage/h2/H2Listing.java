package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.support.KeysetOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A keyset-paged listing on H2: {@code select} is a SELECT with its WHERE filters ({@code ?} parameters), read in
 * {@code order}, whose ORDER BY names the index the SELECT uses, so both directions read it in order.
 */
record H2Listing(String select, KeysetOrder order) {
  /** Reads one row into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /**
   * The SQL of the page {@code request} asks for; adds the cursor's values and the row limit to {@code parameters}
   * (which holds the filters' values), in the order of their placeholders.
   *
   * @throws IllegalArgumentException when the cursor is malformed
   */
  String sql(PageRequest request, List<Object> parameters) {
    String sql = select + order.clauses(request, value -> {
      parameters.add(value);
      return "?";
    }) + " FETCH FIRST ? ROWS ONLY";
    parameters.add(request.limit() + 1);
    return sql;
  }

  /** Reads the page {@code request} asks for, the filters taking {@code filters}. */
  <T> Page<T> read(Connection c, List<Object> filters, PageRequest request, RowReader<T> reader) throws SQLException {
    List<Object> parameters = new ArrayList<>(filters);
    try (PreparedStatement statement = c.prepareStatement(sql(request, parameters))) {
      bind(statement, parameters);
      List<T> items = new ArrayList<>();
      List<String> cursors = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          items.add(reader.read(rows));
          cursors.add(order.cursor(new RowKey(rows)));
        }
      }
      return order.page(items, cursors, request);
    }
  }

  /** Binds {@code parameters} in order: times as H2 stores them, enums by name, anything else as it is. */
  static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value instanceof Instant instant) {
        H2Rows.setInstant(statement, i + 1, instant);
      } else if (value instanceof Enum<?> constant) {
        statement.setString(i + 1, constant.name());
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  /** The current row's key columns. */
  private record RowKey(ResultSet rows) implements KeysetOrder.KeyColumns<SQLException> {
    @Override
    public long number(String label) throws SQLException {
      return rows.getLong(label);
    }

    @Override
    public Instant time(String label) throws SQLException {
      return H2Rows.instant(rows, label);
    }

    @Override
    public String text(String label) throws SQLException {
      return rows.getString(label);
    }
  }
}
