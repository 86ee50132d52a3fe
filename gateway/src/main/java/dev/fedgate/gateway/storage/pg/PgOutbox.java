package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.PendingFederation;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;

/** The {@code federation_pending} marks, written inside the transactions of the stores whose changes federate. */
final class PgOutbox {
  private PgOutbox() {}

  /**
   * Marks {@code subject} as owing {@code change}, merged with a mark still pending ({@link FederationChange#then}),
   * under a new version. A racing first mark fails on the key and the caller's transaction runs again.
   */
  static Future<Void> mark(SqlClient c, FederationSubject subject, FederationChange change, Instant now) {
    return PgDatabase.run(c, "SELECT change_kind FROM federation_pending WHERE subject_type = $1 AND subject_key = $2"
        + " FOR UPDATE", subject.type(), subject.key()).compose(rows -> {
          var pending = PgRows.first(rows, row -> FederationChange.valueOf(row.getString("change_kind")));
          String sql = pending.isPresent()
              ? "UPDATE federation_pending SET change_kind = $3, marked_at = $4,"
                  + " version = nextval('federation_version') WHERE subject_type = $1 AND subject_key = $2"
              : "INSERT INTO federation_pending (subject_type, subject_key, change_kind, marked_at, version)"
                  + " VALUES ($1, $2, $3, $4, nextval('federation_version'))";
          return PgDatabase.run(c, sql, subject.type(), subject.key(),
              pending.map(p -> p.then(change)).orElse(change), now);
        }).mapEmpty();
  }

  /** Reads a {@code federation_pending} row. */
  static PendingFederation read(Row row) {
    return new PendingFederation(
        new FederationSubject(FederationSubject.Type.valueOf(row.getString("subject_type")),
            row.getString("subject_key")),
        FederationChange.valueOf(row.getString("change_kind")), row.getLong("version"),
        PgRows.instant(row, "marked_at"));
  }
}
