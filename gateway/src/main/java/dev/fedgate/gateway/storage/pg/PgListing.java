package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.support.KeysetOrder;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A keyset-paged listing on PostgreSQL: {@code select} is a SELECT with its WHERE filters ({@code $1} to
 * {@code $n}), read in {@code order}, forward or backward along the index that serves it.
 */
record PgListing(String select, KeysetOrder order) {
  /**
   * Reads the page {@code request} asks for, the filters taking {@code filters}.
   *
   * @throws IllegalArgumentException when the cursor is malformed (call it where that fails the caller's stage)
   */
  <T> Future<Page<T>> read(SqlClient c, List<Object> filters, PageRequest request, Function<Row, T> reader) {
    List<Object> parameters = new ArrayList<>(filters);
    String sql = select + order.clauses(request, value -> {
      parameters.add(value);
      return "$" + parameters.size();
    });
    parameters.add(request.limit() + 1);
    return PgDatabase.run(c, sql + " LIMIT $" + parameters.size(), parameters.toArray()).map(rows -> {
      List<T> items = new ArrayList<>();
      List<String> cursors = new ArrayList<>();
      for (Row row : rows) {
        items.add(reader.apply(row));
        cursors.add(order.cursor(new RowKey(row)));
      }
      return order.page(items, cursors, request);
    });
  }

  /** A row's key columns. */
  private record RowKey(Row row) implements KeysetOrder.KeyColumns<RuntimeException> {
    @Override
    public long number(String label) {
      return row.getLong(label);
    }

    @Override
    public Instant time(String label) {
      return PgRows.instant(row, label);
    }

    @Override
    public String text(String label) {
      return row.getString(label);
    }
  }
}
