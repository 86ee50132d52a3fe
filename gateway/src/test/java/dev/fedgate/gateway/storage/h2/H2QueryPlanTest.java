package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.support.PageCursors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
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

  private static final String NUMBER_CURSOR = PageCursors.encode(1000);
  private static final String VIDEO_CURSOR = PageCursors.encode(PageCursors.epochMicros(NOW), 5);

  @Test
  void followersPages_readFollowPageInOrder_bothWays() throws Exception {
    assertSortedBothWays(H2FollowStore.PAGE, NUMBER_CURSOR, "FOLLOW_PAGE", "cooking", "ACCEPTED");
  }

  @Test
  void videosPages_readTheirIndexInOrder_andSeekToTheCursor_bothWays() throws Exception {
    assertSortedBothWays(H2VideoStore.CHANNEL_PAGE, VIDEO_CURSOR, "VIDEO_CHANNEL_PUBLISHED", "cooking");
    assertSortedBothWays(H2VideoStore.ALL_PAGE, VIDEO_CURSOR, "VIDEO_PUBLISHED");
    assertThat(plan(H2VideoStore.CHANNEL_PAGE, PageRequest.after(VIDEO_CURSOR, 40), "cooking"))
        .containsPattern("VIDEO_CHANNEL_PUBLISHED: [^*]*PUBLISHED_AT <= \\?2");
    assertThat(plan(H2VideoStore.CHANNEL_PAGE, PageRequest.before(VIDEO_CURSOR, 40), "cooking"))
        .containsPattern("VIDEO_CHANNEL_PUBLISHED: [^*]*PUBLISHED_AT >= \\?2");
  }

  @Test
  void commentsPages_readVideoCommentPageInOrder_bothWays() throws Exception {
    assertSortedBothWays(H2CommentStore.page(2), NUMBER_CURSOR, "VIDEO_COMMENT_PAGE", UUID.randomUUID(), "VISIBLE",
        "HELD");
  }

  @Test
  void hostPages_readDeliveryJobHostInOrder_bothWays() throws Exception {
    assertSortedBothWays(H2DeliveryJobStore.PAGE_BY_HOST, NUMBER_CURSOR, "DELIVERY_JOB_HOST", "peer.example", "DEAD");
  }

  @Test
  void accountListings_readTheirIndexInOrder_bothWays() throws Exception {
    assertSortedBothWays(H2OutboundStore.PAGE, NUMBER_CURSOR, "OUTBOUND_ACTION_PAGE", "alice", "FOLLOW", "ACCEPTED");
    assertSortedBothWays(H2ReplyStore.PAGE, NUMBER_CURSOR, "ACCOUNT_REPLY_PAGE", "alice");
    assertSortedBothWays(H2InteractionStore.PAGE, NUMBER_CURSOR, "INTERACTION_VIDEO_KIND", UUID.randomUUID(),
        "LIKE");
  }

  @Test
  void primaryKeyListings_readTheirKeyInOrder_bothWays() throws Exception {
    assertSortedBothWays(H2RemoteHostStore.PAGE, PageCursors.encodeText("peer.example"), "PRIMARY_KEY");
    assertSortedBothWays(H2WebhookJobStore.EVENTS, NUMBER_CURSOR, "PRIMARY_KEY");
  }

  /** The first page, a page after {@code cursor} and a page before it each read {@code index} in order. */
  private void assertSortedBothWays(H2Listing listing, String cursor, String index, Object... filters)
      throws Exception {
    for (PageRequest request : List.of(PageRequest.first(40), PageRequest.after(cursor, 40),
        PageRequest.before(cursor, 40))) {
      assertThat(plan(listing, request, filters)).as(request.toString())
          .contains(index).contains("index sorted");
    }
  }

  private String plan(H2Listing listing, PageRequest request, Object... filters) throws Exception {
    List<Object> parameters = new ArrayList<>(List.of(filters));
    String sql = listing.sql(request, parameters);
    return plan(sql, parameters.toArray());
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
    for (String rows : new String[] {H2DeliveryJobStore.ROWS, "webhook_job", "inbox_item"}) {
      assertThat(plan(H2ClaimableQueue.leasedSql(rows), new Long[] {1L, 2L}, UUID.randomUUID()))
          .contains("PRIMARY_KEY").doesNotContain("tableScan");
    }
  }

  @Test
  void deliveryJobs_readTheirActivitiesByPrimaryKey_andTheSweepChecksJobsByIndex() throws Exception {
    assertThat(plan(H2ClaimableQueue.leasedSql(H2DeliveryJobStore.ROWS), new Long[] {1L, 2L}, UUID.randomUUID()))
        .containsPattern("DELIVERY_ACTIVITY\"\\s*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ACTIVITY_KEY = ");
    assertThat(plan(H2DeliveryJobStore.SWEEP_ACTIVITIES_SQL)).contains("PUBLIC.DELIVERY_JOB_ACTIVITY");
  }

  @Test
  void cancellingAnObjectsDeliveries_findsItsActivitiesThenTheirJobsByIndex() throws Exception {
    assertThat(plan(H2DeliveryJobStore.CANCEL_SQL, "https://video.example/videos/1"))
        .contains("PUBLIC.DELIVERY_ACTIVITY_OBJECT").contains("PUBLIC.DELIVERY_JOB_ACTIVITY")
        .doesNotContain("tableScan");
  }

  @Test
  void claims_leaseTheirCandidatesByPrimaryKey() throws Exception {
    for (String table : new String[] {"delivery_job", "webhook_job", "inbox_item"}) {
      assertThat(plan(H2ClaimableQueue.leaseSql(table), UUID.randomUUID(), NOW, 1L, NOW, NOW))
          .contains("PRIMARY_KEY").doesNotContain("_DUE").doesNotContain("_FRESH");
    }
  }

  @Test
  void inboxAccepts_findTheirMarksByPrimaryKey() throws Exception {
    assertThat(plan(H2InboxStore.SEEN_SQL, (Object) new String[] {"https://a.example/1", "https://a.example/2"}))
        .contains("PRIMARY_KEY").doesNotContain("tableScan");
  }

  private String plan(String sql, Object... parameters) throws Exception {
    return database.transaction(c -> explain(c, sql, parameters)).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String explain(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
      H2Listing.bind(explain, List.of(parameters));
      try (ResultSet rows = explain.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
