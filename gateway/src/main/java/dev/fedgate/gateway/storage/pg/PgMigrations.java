package dev.fedgate.gateway.storage.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the versioned scripts under {@code db/pg/} that the database has not seen, in order, recording each in
 * {@code schema_version}. Runs in one transaction under a transaction-level advisory lock, so nodes starting at once
 * migrate one after the other: the first applies the scripts, the others find them applied.
 */
final class PgMigrations {
  /** The scripts, oldest first; a script, once released, never changes: a change is a new script. */
  static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__federation_outbox.sql",
      "V3__manual_follower_approval.sql", "V4__outbound_follows_and_likes.sql", "V6__account_replies.sql");
  /** The advisory lock key every Fedgate node takes to migrate ("fedgate" in ASCII). */
  static final long LOCK_KEY = 0x6665646761746500L;

  private PgMigrations() {}

  /** Applies pending scripts; the future holds the versions this call applied. */
  static Future<List<Integer>> apply(SqlConnection connection, InstantSource clock) {
    return PgDatabase.run(connection, "SELECT pg_advisory_xact_lock($1)", LOCK_KEY)
        .compose(locked -> connection.query("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY,"
            + " script text NOT NULL, applied_at timestamptz NOT NULL)").execute())
        .compose(created -> PgDatabase.run(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        .compose(rows -> {
          int current = rows.iterator().next().getInteger(0);
          Future<List<Integer>> chain = Future.succeededFuture(new ArrayList<>());
          for (String script : SCRIPTS) {
            int version = versionOf(script);
            if (version > current) {
              chain = chain.compose(applied -> connection.query(read(script)).execute()
                  .compose(ran -> PgDatabase.run(connection,
                      "INSERT INTO schema_version (version, script, applied_at) VALUES ($1, $2, $3)",
                      version, script, clock.instant()))
                  .map(recorded -> {
                    applied.add(version);
                    return applied;
                  }));
            }
          }
          return chain;
        });
  }

  static int versionOf(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  private static String read(String script) {
    try (InputStream in = PgMigrations.class.getResourceAsStream("/db/pg/" + script)) {
      return new String(Objects.requireNonNull(in, "missing schema script " + script).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
