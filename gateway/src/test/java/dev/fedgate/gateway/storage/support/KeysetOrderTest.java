package dev.fedgate.gateway.storage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.support.KeysetOrder.Column;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeysetOrderTest {
  private static final KeysetOrder OLDEST_FIRST = KeysetOrder.ascending(Column.number("seq")).within("actor", "state");
  private static final KeysetOrder NEWEST_FIRST =
      KeysetOrder.descending(Column.time("published_at"), Column.number("seq")).within("channel");
  private static final Instant AT = Instant.parse("2024-05-01T10:00:00.123456Z");

  @Test
  void clauses_readForwardAfterTheCursor_inTheIndexOrder() {
    List<Object> values = new ArrayList<>();
    String sql = OLDEST_FIRST.clauses(PageRequest.after(PageCursors.encode(7), 5), bindInto(values));

    assertThat(sql).isEqualTo(" AND seq > ? ORDER BY actor, state, seq");
    assertThat(values).containsExactly(7L);
  }

  @Test
  void clauses_readBackwardBeforeTheCursor_inReverseIndexOrder() {
    List<Object> values = new ArrayList<>();
    String sql = OLDEST_FIRST.clauses(PageRequest.before(PageCursors.encode(7), 5), bindInto(values));

    assertThat(sql).isEqualTo(" AND seq < ? ORDER BY actor DESC, state DESC, seq DESC");
    assertThat(values).containsExactly(7L);
  }

  @Test
  void clauses_firstPage_hasNoBound() {
    assertThat(NEWEST_FIRST.clauses(PageRequest.first(5), value -> {
      throw new AssertionError("nothing to bind");
    })).isEqualTo(" ORDER BY channel, published_at DESC, seq DESC");
  }

  @Test
  void clauses_multiColumnKey_seeksOnTheFirstColumn_bothWays() {
    String cursor = PageCursors.encode(PageCursors.epochMicros(AT), 9);
    List<Object> after = new ArrayList<>();
    List<Object> before = new ArrayList<>();

    assertThat(NEWEST_FIRST.clauses(PageRequest.after(cursor, 5), bindInto(after))).isEqualTo(
        " AND published_at <= ? AND (published_at < ? OR (published_at = ? AND seq < ?))"
            + " ORDER BY channel, published_at DESC, seq DESC");
    assertThat(after).containsExactly(AT, AT, AT, 9L);
    assertThat(NEWEST_FIRST.clauses(PageRequest.before(cursor, 5), bindInto(before))).isEqualTo(
        " AND published_at >= ? AND (published_at > ? OR (published_at = ? AND seq > ?))"
            + " ORDER BY channel DESC, published_at, seq");
    assertThat(before).containsExactly(AT, AT, AT, 9L);
  }

  @Test
  void clauses_malformedCursor_isRefused() {
    assertThatThrownBy(() -> NEWEST_FIRST.clauses(PageRequest.before(PageCursors.encode(1), 5), value -> "?"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OLDEST_FIRST.clauses(PageRequest.after("%%", 5), value -> "?"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void columnExpression_isUsedInSql_andTextKeysRoundTrip() {
    KeysetOrder byHost = KeysetOrder.ascending(Column.text("host").as("host COLLATE \"C\""));
    List<Object> values = new ArrayList<>();
    String cursor = byHost.cursor(new Key(0, AT, "peer.example"));

    assertThat(byHost.clauses(PageRequest.before(cursor, 5), bindInto(values)))
        .isEqualTo(" AND host COLLATE \"C\" < ? ORDER BY host COLLATE \"C\" DESC");
    assertThat(values).containsExactly("peer.example");
  }

  @Test
  void cursor_holdsTheKeyColumns() {
    assertThat(NEWEST_FIRST.cursor(new Key(9, AT, "")))
        .isEqualTo(PageCursors.encode(PageCursors.epochMicros(AT), 9));
  }

  @Test
  void page_first_hasNextWhenARowMoreWasRead_andNoPrev() {
    Page<String> page = OLDEST_FIRST.page(List.of("a", "b", "c"), List.of("1", "2", "3"), PageRequest.first(2));

    assertThat(page).isEqualTo(new Page<>(List.of("a", "b"), Optional.of("2"), Optional.empty()));
    assertThat(OLDEST_FIRST.page(List.of("a"), List.of("1"), PageRequest.first(2)))
        .isEqualTo(new Page<>(List.of("a"), Optional.empty(), Optional.empty()));
  }

  @Test
  void page_after_hasPrevAtItsFirstRow() {
    assertThat(OLDEST_FIRST.page(List.of("c", "d"), List.of("3", "4"), PageRequest.after("2", 2)))
        .isEqualTo(new Page<>(List.of("c", "d"), Optional.empty(), Optional.of("3")));
    assertThat(OLDEST_FIRST.page(List.of(), List.of(), PageRequest.after("9", 2)))
        .isEqualTo(new Page<>(List.of(), Optional.empty(), Optional.of("9")));
  }

  @Test
  void page_before_isPutBackInListingOrder_withPrevOnlyWhenARowMoreWasRead() {
    assertThat(OLDEST_FIRST.page(List.of("c", "b", "a"), List.of("3", "2", "1"), PageRequest.before("4", 2)))
        .isEqualTo(new Page<>(List.of("b", "c"), Optional.of("3"), Optional.of("2")));
    assertThat(OLDEST_FIRST.page(List.of("b", "a"), List.of("2", "1"), PageRequest.before("3", 2)))
        .isEqualTo(new Page<>(List.of("a", "b"), Optional.of("2"), Optional.empty()));
    assertThat(OLDEST_FIRST.page(List.of(), List.of(), PageRequest.before("1", 2)))
        .isEqualTo(new Page<>(List.of(), Optional.of("1"), Optional.empty()));
  }

  @Test
  void key_textColumnMustStandAlone() {
    assertThatThrownBy(() -> KeysetOrder.ascending(Column.text("host"), Column.number("seq")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeysetOrder.ascending()).isInstanceOf(IllegalArgumentException.class);
  }

  private static KeysetOrder.Placeholders bindInto(List<Object> values) {
    return value -> {
      values.add(value);
      return "?";
    };
  }

  /** One row's key columns, whatever their labels. */
  private record Key(long number, Instant time, String text) implements KeysetOrder.KeyColumns<RuntimeException> {
    @Override
    public long number(String label) {
      return number;
    }

    @Override
    public Instant time(String label) {
      return time;
    }

    @Override
    public String text(String label) {
      return text;
    }
  }
}
