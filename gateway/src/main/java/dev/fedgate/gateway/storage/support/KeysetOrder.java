package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order of a keyset-paged listing, and what both backends need to read one page of it in either direction: the
 * cursor's bound and the ORDER BY as SQL, the cursor of a row, and the page made of the rows read.
 *
 * <p>The key is one or more unique-together columns, all ascending or all descending, led by the columns the query
 * fixes by equality ({@code within}), so that the ORDER BY names an index's columns exactly and the database reads the
 * index in order, forward for a page after a cursor and backward for a page before one. A page before is read in
 * reverse order with one row more than the page, then put back in the listing's order.
 */
public final class KeysetOrder {
  /** How a key column is held in a cursor and bound to SQL. */
  public enum Type {
    /** A whole number, bound as a {@code long}. */
    NUMBER,
    /** A time, held as epoch microseconds and bound as an {@link Instant}. */
    TIME,
    /** Text, the only column of its key; bound as a {@code String}. */
    TEXT
  }

  /** A key column: its SQL {@code expression} (qualified or collated as the query needs) and its result label. */
  public record Column(String expression, String label, Type type) {
    /** Checks presence. */
    public Column {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(type, "type");
    }

    /** A {@link Type#NUMBER} column named {@code name} in the query and in its result. */
    public static Column number(String name) {
      return new Column(name, name, Type.NUMBER);
    }

    /** A {@link Type#TIME} column named {@code name} in the query and in its result. */
    public static Column time(String name) {
      return new Column(name, name, Type.TIME);
    }

    /** A {@link Type#TEXT} column named {@code name} in the query and in its result. */
    public static Column text(String name) {
      return new Column(name, name, Type.TEXT);
    }

    /** The same column compared through {@code sql} (e.g. {@code v.seq}, or a collation). */
    public Column as(String sql) {
      return new Column(sql, label, type);
    }
  }

  /** Binds one parameter of the query being built and answers its placeholder. */
  @FunctionalInterface
  public interface Placeholders {
    /** Records {@code value} as the next parameter; the SQL text that stands for it. */
    String bind(Object value);
  }

  private final List<String> within;
  private final List<Column> columns;
  private final boolean descending;

  private KeysetOrder(List<String> within, List<Column> columns, boolean descending) {
    this.within = List.copyOf(within);
    this.columns = List.copyOf(columns);
    this.descending = descending;
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a key needs a column");
    }
    if (this.columns.size() > 1 && this.columns.stream().anyMatch(c -> c.type() == Type.TEXT)) {
      throw new IllegalArgumentException("a text key column must be the only one");
    }
  }

  /** Oldest (smallest) first by {@code columns}. */
  public static KeysetOrder ascending(Column... columns) {
    return new KeysetOrder(List.of(), List.of(columns), false);
  }

  /** Newest (largest) first by {@code columns}. */
  public static KeysetOrder descending(Column... columns) {
    return new KeysetOrder(List.of(), List.of(columns), true);
  }

  /** The same order led by {@code equalityColumns}, the ascending index columns the query fixes by equality. */
  public KeysetOrder within(String... equalityColumns) {
    return new KeysetOrder(List.of(equalityColumns), columns, descending);
  }

  /**
   * The SQL that follows a query's WHERE filters for {@code request}: {@code " AND <bound>"} when it has a cursor, then
   * the ORDER BY; the cursor's values are bound through {@code placeholders} in text order. With a multi-column key,
   * the bound starts with a range on the first column, so the database seeks to the cursor instead of filtering.
   *
   * @throws IllegalArgumentException when the cursor is malformed
   */
  public String clauses(PageRequest request, Placeholders placeholders) {
    StringBuilder sql = new StringBuilder();
    if (request.cursor().isPresent()) {
      List<Object> values = decode(request.cursor().get());
      String beyond = request.backward() == descending ? ">" : "<";
      sql.append(" AND ");
      if (columns.size() > 1) {
        sql.append(columns.get(0).expression()).append(' ').append(beyond).append("= ")
            .append(placeholders.bind(values.get(0))).append(" AND ");
      }
      sql.append(bound(0, values, beyond, placeholders));
    }
    String lead = request.backward() ? " DESC" : "";
    String key = request.backward() == descending ? "" : " DESC";
    List<String> order = new ArrayList<>();
    within.forEach(column -> order.add(column + lead));
    columns.forEach(column -> order.add(column.expression() + key));
    return sql.append(" ORDER BY ").append(String.join(", ", order)).toString();
  }

  /** {@code c0 op ? OR (c0 = ? AND (c1 op ? OR ...))}, from column {@code index} on. */
  private String bound(int index, List<Object> values, String beyond, Placeholders placeholders) {
    String column = columns.get(index).expression();
    String strictly = column + " " + beyond + " " + placeholders.bind(values.get(index));
    if (index == columns.size() - 1) {
      return strictly;
    }
    return "(" + strictly + " OR (" + column + " = " + placeholders.bind(values.get(index))
        + " AND " + bound(index + 1, values, beyond, placeholders) + "))";
  }

  /** A result row's key columns, read by label; {@code E} is what the backend's reads may throw. */
  public interface KeyColumns<E extends Exception> {
    /** A {@link Type#NUMBER} column. */
    long number(String label) throws E;

    /** A {@link Type#TIME} column. */
    Instant time(String label) throws E;

    /** A {@link Type#TEXT} column. */
    String text(String label) throws E;
  }

  /** The cursor of the row whose key columns {@code row} reads. */
  public <E extends Exception> String cursor(KeyColumns<E> row) throws E {
    if (columns.get(0).type() == Type.TEXT) {
      return PageCursors.encodeText(row.text(columns.get(0).label()));
    }
    long[] parts = new long[columns.size()];
    for (int i = 0; i < parts.length; i++) {
      Column column = columns.get(i);
      parts[i] = column.type() == Type.TIME
          ? PageCursors.epochMicros(row.time(column.label())) : row.number(column.label());
    }
    return PageCursors.encode(parts);
  }

  private List<Object> decode(String cursor) {
    if (columns.get(0).type() == Type.TEXT) {
      return List.of(PageCursors.decodeText(cursor));
    }
    long[] parts = PageCursors.decode(cursor, columns.size());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      values.add(columns.get(i).type() == Type.TIME ? PageCursors.fromEpochMicros(parts[i]) : parts[i]);
    }
    return values;
  }

  /**
   * The page for {@code request} from the rows read by a query built with {@link #clauses} and limited to
   * {@code request.limit() + 1} rows, in the order read, with each row's cursor: one row more than the page means
   * there is more beyond it. Read forward from a cursor, {@code prev} is the first row's cursor (or the request's, when
   * nothing follows it), and the first page has none; read backward, {@code next} is the last row's (or the request's).
   */
  public <T> Page<T> page(List<T> rows, List<String> cursors, PageRequest request) {
    boolean more = rows.size() > request.limit();
    int kept = Math.min(rows.size(), request.limit());
    List<T> items = new ArrayList<>(rows.subList(0, kept));
    List<String> keys = new ArrayList<>(cursors.subList(0, kept));
    if (request.backward()) {
      Collections.reverse(items);
      Collections.reverse(keys);
    }
    Optional<String> first = keys.isEmpty() ? request.cursor() : Optional.of(keys.get(0));
    Optional<String> last = keys.isEmpty() ? request.cursor()
        : Optional.of(keys.get(keys.size() - 1));
    if (request.backward()) {
      return new Page<>(items, last, more ? first : Optional.empty());
    }
    return new Page<>(items, more ? last : Optional.empty(), request.cursor().isPresent() ? first : Optional.empty());
  }
}
