package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2MigrationsTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-01-01T00:00:00Z"));

  @TempDir
  Path directory;

  @Test
  void apply_newDatabase_appliesEveryScriptOnce_andReopeningAppliesNothing() throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_DELAY=-1";
    List<Integer> all = H2Migrations.SCRIPTS.stream().map(H2Migrations::versionOf).toList();

    assertThat(applyAndClose(url)).isEqualTo(all);
    assertThat(applyAndClose(url)).isEmpty();

    H2Database database = H2Database.open(url, 1);
    try {
      int recorded = database.transaction(c -> count(c, "SELECT COUNT(*) FROM schema_version"))
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(recorded).isEqualTo(all.size());
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void apply_queueIds_areDrawnFromACacheOfAThousand() throws Exception {
    assertThat(countAfterMigrating("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME IN ('DELIVERY_JOB', 'INBOX_ITEM') AND COLUMN_NAME = 'ID'"
        + " AND IDENTITY_CACHE = 1000")).isEqualTo(2);
    assertThat(countAfterMigrating("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SEQUENCES"
        + " WHERE SEQUENCE_NAME = 'SITE_EVENT_ID' AND CACHE = 1000")).isEqualTo(1);
  }

  @Test
  void apply_siteEventIds_continueAfterTheLastWebhookJobId() throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_DELAY=-1";
    List<String> beforeV15 = scriptsBefore("V15__site_event_ids.sql");
    H2Database database = H2Database.open(url, 1);
    try {
      long lastJob = database.transaction(c -> {
        H2Migrations.apply(c, CLOCK, beforeV15);
        try (Statement statement = c.createStatement()) {
          statement.execute("INSERT INTO webhook_job (event_type, body, state, attempts, due_at, created_at)"
              + " SELECT 'follow', '{}', 'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 5)");
        }
        return (long) count(c, "SELECT MAX(id) FROM webhook_job");
      }).toCompletableFuture().get(10, TimeUnit.SECONDS);

      List<Long> next = database.transaction(c -> {
        H2Migrations.apply(c, CLOCK);
        long event = count(c, "SELECT NEXT VALUE FOR site_event_id");
        try (Statement statement = c.createStatement()) {
          statement.execute("INSERT INTO webhook_job (event_type, body, state, attempts, due_at, created_at)"
              + " VALUES ('follow', '{}', 'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        return List.of(event, (long) count(c, "SELECT MAX(id) FROM webhook_job"));
      }).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(next.get(0)).isGreaterThan(lastJob);
      assertThat(next.get(1)).isGreaterThan(next.get(0));
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void apply_keepsInboxWebhookAndEventBodiesInTheirRowsRatherThanAsLobs() throws Exception {
    assertThat(countAfterMigrating("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME IN ('INBOX_ITEM', 'WEBHOOK_JOB', 'SITE_EVENT') AND COLUMN_NAME = 'BODY'"
        + " AND DATA_TYPE = 'CHARACTER VARYING'")).isEqualTo(3);
  }

  @Test
  void versionOf_readsTheNumberAfterV() {
    assertThat(H2Migrations.versionOf("V12__more.sql")).isEqualTo(12);
  }

  @Test
  void scripts_areInStrictlyIncreasingVersionOrder() {
    List<Integer> versions = H2Migrations.SCRIPTS.stream().map(H2Migrations::versionOf).toList();

    assertThat(versions).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void statements_splitsAtLineEndingSemicolonsAndDropsComments() {
    String script = "-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y VARCHAR DEFAULT ';x'\n);\n";

    assertThat(H2Migrations.statements(script))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y VARCHAR DEFAULT ';x'\n)");
  }

  @Test
  void statements_unterminatedScript_isRefused() {
    assertThatThrownBy(() -> H2Migrations.statements("CREATE TABLE a (x INT)"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void apply_deliveryBodies_keepTheBodyOfEveryQueuedJob_andNewBodiesDoNotCollide() throws Exception {
    H2Database database = migratedOver("V16__delivery_bodies.sql", "INSERT INTO delivery_job (inbox, host, signer,"
        + " activity_id, body, state, attempts, due_at, created_at) SELECT 'https://peer.example/inbox',"
        + " 'peer.example', 'https://video.example/c/kitchen', 'https://video.example/activities/' || X,"
        + " '{\"n\":' || X || '}', 'QUEUED', 0, TIMESTAMP WITH TIME ZONE '2023-12-31 00:00:00Z',"
        + " TIMESTAMP WITH TIME ZONE '2023-12-31 00:00:00Z' FROM SYSTEM_RANGE(1, 3)");
    try {
      H2DeliveryJobStore deliveries = new H2DeliveryJobStore(database, CLOCK);
      deliveries.enqueueAll(List.of(new Delivery(URI.create("https://peer.example/inbox"),
              "https://video.example/c/kitchen", URI.create("https://video.example/activities/4"), Optional.empty(),
              "{\"n\":4}"))).toCompletableFuture().get(10, TimeUnit.SECONDS);

      List<Job<Delivery>> jobs = claimAll(deliveries);

      assertThat(jobs).extracting(job -> job.payload().activityId().toString() + " " + job.payload().json())
          .containsExactly("https://video.example/activities/1 {\"n\":1}",
              "https://video.example/activities/2 {\"n\":2}", "https://video.example/activities/3 {\"n\":3}",
              "https://video.example/activities/4 {\"n\":4}");
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void apply_deliveryActivities_keepEveryQueuedJobsSignerActivityObjectAndBody() throws Exception {
    // Body 1 is shared by jobs that differ in signer, activity and object: each keeps its own.
    H2Database database = migratedOver("V17__delivery_activities.sql",
        "INSERT INTO delivery_body (body_id, body) VALUES (1, '{\"n\":1}'), (-7, '{\"n\":7}')",
        "INSERT INTO delivery_job (inbox, host, signer, activity_id, object_id, body_id, state, attempts, due_at,"
            + " created_at) SELECT 'https://peer.example/u' || X || '/inbox', 'peer.example',"
            + " CASE WHEN X < 3 THEN 'https://video.example/c/kitchen' ELSE 'https://video.example/a/ann' END,"
            + " 'https://video.example/activities/' || CASE WHEN X < 3 THEN 1 ELSE 2 END,"
            + " CASE WHEN X < 3 THEN 'https://video.example/videos/1' END, CASE WHEN X < 4 THEN 1 ELSE -7 END,"
            + " 'QUEUED', 0, TIMESTAMP WITH TIME ZONE '2023-12-31 00:00:00Z',"
            + " TIMESTAMP WITH TIME ZONE '2023-12-31 00:00:00Z' FROM SYSTEM_RANGE(1, 4)");
    try {
      List<Job<Delivery>> jobs = claimAll(new H2DeliveryJobStore(database, CLOCK));
      int activities = database.transaction(c -> count(c, "SELECT COUNT(*) FROM delivery_activity"))
          .toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(jobs).extracting(job -> job.payload().inbox().getPath() + " " + job.payload().signer() + " "
          + job.payload().activityId() + " " + job.payload().objectId().map(URI::toString).orElse("-") + " "
          + job.payload().json())
          .containsExactly(
              "/u1/inbox https://video.example/c/kitchen https://video.example/activities/1"
                  + " https://video.example/videos/1 {\"n\":1}",
              "/u2/inbox https://video.example/c/kitchen https://video.example/activities/1"
                  + " https://video.example/videos/1 {\"n\":1}",
              "/u3/inbox https://video.example/a/ann https://video.example/activities/2 - {\"n\":1}",
              "/u4/inbox https://video.example/a/ann https://video.example/activities/2 - {\"n\":7}");
      assertThat(activities).isEqualTo(3);
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** An in-memory database migrated up to {@code script}, seeded with {@code statements}, then migrated to the end. */
  private static H2Database migratedOver(String script, String... statements) throws Exception {
    H2Database database = H2Database.open("jdbc:h2:mem:" + script + ";DB_CLOSE_DELAY=-1", 1);
    try {
      database.transaction(c -> {
        H2Migrations.apply(c, CLOCK, scriptsBefore(script));
        try (Statement statement = c.createStatement()) {
          for (String sql : statements) {
            statement.execute(sql);
          }
        }
        return H2Migrations.apply(c, CLOCK);
      }).toCompletableFuture().get(10, TimeUnit.SECONDS);
      return database;
    } catch (Exception e) {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static List<Job<Delivery>> claimAll(H2DeliveryJobStore deliveries) throws Exception {
    return deliveries.claimDue(CLOCK.instant(), 10, Duration.ofMinutes(1)).toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static List<String> scriptsBefore(String script) {
    return H2Migrations.SCRIPTS.subList(0, H2Migrations.SCRIPTS.indexOf(script));
  }

  private int countAfterMigrating(String sql) throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_DELAY=-1";
    applyAndClose(url);
    H2Database database = H2Database.open(url, 1);
    try {
      return database.transaction(c -> count(c, sql)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static List<Integer> applyAndClose(String url) throws Exception {
    H2Database database = H2Database.open(url, 1);
    try {
      return database.transaction(c -> H2Migrations.apply(c, CLOCK)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      database.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
