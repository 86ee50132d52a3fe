package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages and claims must read their index in order and stop after the page (H2 says {@code index sorted});
 * otherwise they sort every matching row, and a page deep in 100,000 followers costs a hundred times more.
 */
class H2QueryPlanTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private H2Database database;

  @BeforeEach
  void migrate() throws Exception {
    database = H2Database.open("jdbc:h2:mem:plan-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", 1);
    database.transaction(c -> H2Migrations.apply(c, InstantSource.fixed(NOW)))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    database.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void followersPage_readsFollowPageInOrder() throws Exception {
    assertThat(plan(H2FollowStore.PAGE_SQL, "cooking", "ACCEPTED", 1000L, 41))
        .contains("PUBLIC.FOLLOW_PAGE").contains("index sorted");
  }

  @Test
  void videosPages_readVideoChannelPublishedInOrder_andSeekToTheCursor() throws Exception {
    assertThat(plan(H2VideoStore.FIRST_PAGE_SQL, "cooking", 41))
        .contains("PUBLIC.VIDEO_CHANNEL_PUBLISHED").contains("index sorted");
    assertThat(plan(H2VideoStore.PAGE_AFTER_SQL, "cooking", NOW, NOW, NOW, 5L, 41))
        .containsPattern("VIDEO_CHANNEL_PUBLISHED: [^*]*PUBLISHED_AT <= \\?2")
        .contains("index sorted");
  }

  @Test
  void commentsPage_readsVideoCommentPageInOrder() throws Exception {
    assertThat(plan(H2CommentStore.pageSql(2), UUID.randomUUID(), 10L, "VISIBLE", "HELD", 41))
        .contains("PUBLIC.VIDEO_COMMENT_PAGE").contains("index sorted");
  }

  @Test
  void hostPage_readsDeliveryJobHostInOrder() throws Exception {
    assertThat(plan(H2DeliveryJobStore.PAGE_BY_HOST_SQL, "peer.example", "DEAD", 10L, 41))
        .contains("PUBLIC.DELIVERY_JOB_HOST").contains("index sorted");
  }

  @Test
  void claims_readTheDueIndexInClaimOrder() throws Exception {
    for (String table : new String[] {"delivery_job", "webhook_job", "inbox_item"}) {
      String name = "PUBLIC." + table.toUpperCase(Locale.ROOT);
      assertThat(plan(H2ClaimableQueue.dueIdsSql(table, true), NOW, NOW, 50))
          .containsPattern(name + "_FRESH: [^*]*ATTEMPTS = 0").contains("index sorted");
      assertThat(plan(H2ClaimableQueue.dueIdsSql(table, false), NOW, NOW, 50))
          .containsPattern(name + "_DUE: [^*]*DUE_AT <= \\?1").contains("index sorted");
    }
  }

  @Test
  void claims_readTheirLeasedRowsBackByPrimaryKey() throws Exception {
    for (String table : new String[] {"delivery_job", "webhook_job", "inbox_item"}) {
      assertThat(plan(H2ClaimableQueue.leasedSql(table), new Long[] {1L, 2L}, UUID.randomUUID()))
          .contains("PRIMARY_KEY").doesNotContain("tableScan");
    }
  }

  private String plan(String sql, Object... parameters) throws Exception {
    return database.transaction(c -> explain(c, sql, parameters)).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String explain(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof Instant instant) {
          H2Rows.setInstant(explain, i + 1, instant);
        } else {
          explain.setObject(i + 1, parameters[i]);
        }
      }
      try (ResultSet rows = explain.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
