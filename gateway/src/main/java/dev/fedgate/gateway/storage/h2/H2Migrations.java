package dev.fedgate.gateway.storage.h2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the versioned schema scripts under {@code db/h2/} that a database has not seen yet, in order, recording
 * each in {@code schema_version}. Re-running on an up-to-date database changes nothing.
 */
final class H2Migrations {
  /** The scripts, oldest first; a script, once released, never changes: a change is a new script. */
  static final List<String> SCRIPTS = List.of(
      "V1__local_actors_and_videos.sql",
      "V2__job_queues_and_inbox.sql",
      "V3__follows_remote_actors_comments_interactions.sql",
      "V4__remote_hosts.sql",
      "V5__video_views.sql",
      "V6__site_events.sql",
      "V7__federation_outbox.sql",
      "V8__manual_follower_approval.sql",
      "V9__outbound_follows_and_likes.sql",
      "V11__account_replies.sql",
      "V13__inline_inbox_and_webhook_bodies.sql",
      "V14__queue_ids_and_leases.sql",
      "V15__site_event_ids.sql",
      "V16__delivery_bodies.sql",
      "V17__delivery_activities.sql");

  private H2Migrations() {}

  /** Applies pending scripts; returns the versions applied by this call. */
  static List<Integer> apply(Connection connection, InstantSource clock) throws SQLException {
    return apply(connection, clock, SCRIPTS);
  }

  /** Applies those of {@code scripts} (oldest first) not applied yet; tests pass the first few to migrate in steps. */
  static List<Integer> apply(Connection connection, InstantSource clock, List<String> scripts) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
          + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
    }
    int current = currentVersion(connection);
    List<Integer> applied = new ArrayList<>();
    for (String script : scripts) {
      int version = versionOf(script);
      if (version > current) {
        run(connection, script);
        record(connection, version, script, clock.instant());
        applied.add(version);
      }
    }
    return applied;
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  static int versionOf(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  private static void run(Connection connection, String script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(read(script))) {
        statement.execute(sql);
      }
    }
  }

  private static void record(Connection connection, int version, String script, Instant at) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, script);
      H2Rows.setInstant(insert, 3, at);
      insert.executeUpdate();
    }
  }

  /** Splits a script at semicolons that end a line; comment lines ({@code --}) are dropped. */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("schema script does not end with ';'");
    }
    return statements;
  }

  private static String read(String script) {
    try (InputStream in = H2Migrations.class.getResourceAsStream("/db/h2/" + script)) {
      return new String(Objects.requireNonNull(in, "missing schema script " + script).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
