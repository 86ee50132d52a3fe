package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.HostStateCounts;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.support.HostHealthRules;
import dev.fedgate.gateway.storage.support.KeysetOrder;
import dev.fedgate.gateway.storage.support.KeysetOrder.Column;
import dev.fedgate.gateway.storage.support.RowLockedHostStore;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** {@link RemoteHostStore} on PostgreSQL: one {@code remote_host} row per host, changed under a row lock. */
final class PgRemoteHostStore extends RowLockedHostStore {
  /** Every host, by name compared byte by byte (as H2 does), whatever the database's collation. */
  private static final PgListing PAGE = new PgListing("SELECT * FROM remote_host WHERE TRUE",
      KeysetOrder.ascending(Column.text("host").as("host COLLATE \"C\"")));
  private final PgDatabase database;

  PgRemoteHostStore(PgDatabase database) {
    this.database = database;
  }

  /**
   * Reads the host's row under a lock (or a blank state), applies {@code update}, and writes the result back; a
   * racing first insert fails on the key and the transaction runs again, then under the lock.
   */
  @Override
  protected CompletionStage<RemoteHost> change(String host, UnaryOperator<RemoteHost> update) {
    return database.transaction(c -> PgDatabase.run(c, "SELECT * FROM remote_host WHERE host = $1 FOR UPDATE", host)
        .compose(rows -> {
          Optional<RemoteHost> current = PgRows.first(rows, PgRemoteHostStore::read);
          RemoteHost next = update.apply(current.orElse(HostHealthRules.blank(host)));
          String sql = current.isPresent()
              ? "UPDATE remote_host SET last_success_at = $1, last_failure_at = $2, failure_days = $3,"
                  + " unavailable_since = $4, signature_scheme = $5 WHERE host = $6"
              : "INSERT INTO remote_host (last_success_at, last_failure_at, failure_days, unavailable_since,"
                  + " signature_scheme, host) VALUES ($1, $2, $3, $4, $5, $6)";
          return PgDatabase.run(c, sql, next.lastSuccessAt(), next.lastFailureAt(), next.failureDays(),
              next.unavailableSince(), next.signatureScheme(), host).map(written -> next);
        }));
  }

  private static RemoteHost read(Row row) {
    return new RemoteHost(row.getString("host"), PgRows.optionalInstant(row, "last_success_at"),
        PgRows.optionalInstant(row, "last_failure_at"), row.getInteger("failure_days"),
        PgRows.optionalInstant(row, "unavailable_since"), PgRows.optionalString(row, "signature_scheme"));
  }

  @Override
  public CompletionStage<Optional<RemoteHost>> find(String host) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM remote_host WHERE host = $1", host)
        .map(rows -> PgRows.first(rows, PgRemoteHostStore::read)));
  }

  @Override
  public CompletionStage<HostStateCounts> countByState() {
    return database.once(c -> PgDatabase.run(c, COUNT_BY_STATE_SQL).map(rows -> {
      Row row = rows.iterator().next();
      return new HostStateCounts(row.getLong("available"), row.getLong("failing"), row.getLong("unavailable"));
    }));
  }

  /** Hosts in byte order ({@code COLLATE "C"}), as the cursor compares them, whatever the database's collation. */
  @Override
  public CompletionStage<Page<RemoteHost>> page(PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(), page, PgRemoteHostStore::read));
  }
}
