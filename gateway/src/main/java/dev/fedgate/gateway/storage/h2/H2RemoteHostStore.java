package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.HostStateCounts;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.support.HostHealthRules;
import dev.fedgate.gateway.storage.support.KeysetOrder;
import dev.fedgate.gateway.storage.support.KeysetOrder.Column;
import dev.fedgate.gateway.storage.support.RowLockedHostStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** {@link RemoteHostStore} on H2: one {@code remote_host} row per host, changed under a row lock. */
final class H2RemoteHostStore extends RowLockedHostStore {
  /** Every host, by name (its primary key). */
  static final H2Listing PAGE = new H2Listing("SELECT * FROM remote_host WHERE TRUE",
      KeysetOrder.ascending(Column.text("host")));
  private final H2Database database;

  H2RemoteHostStore(H2Database database) {
    this.database = database;
  }

  /** Reads the host's row under a lock (or a blank state), applies {@code update}, and writes the result back. */
  @Override
  protected CompletionStage<RemoteHost> change(String host, UnaryOperator<RemoteHost> update) {
    return database.transaction(c -> {
      Optional<RemoteHost> current = select(c, host, true);
      RemoteHost next = update.apply(current.orElse(HostHealthRules.blank(host)));
      String sql = current.isPresent()
          ? "UPDATE remote_host SET last_success_at = ?, last_failure_at = ?, failure_days = ?,"
              + " unavailable_since = ?, signature_scheme = ? WHERE host = ?"
          : "INSERT INTO remote_host (last_success_at, last_failure_at, failure_days, unavailable_since,"
              + " signature_scheme, host) VALUES (?, ?, ?, ?, ?, ?)";
      try (PreparedStatement write = c.prepareStatement(sql)) {
        H2Rows.setInstant(write, 1, next.lastSuccessAt().orElse(null));
        H2Rows.setInstant(write, 2, next.lastFailureAt().orElse(null));
        write.setInt(3, next.failureDays());
        H2Rows.setInstant(write, 4, next.unavailableSince().orElse(null));
        H2Rows.setOptional(write, 5, next.signatureScheme());
        write.setString(6, host);
        write.executeUpdate();
      }
      return next;
    });
  }

  private static Optional<RemoteHost> select(Connection c, String host, boolean lock) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT * FROM remote_host WHERE host = ?" + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, host);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static RemoteHost read(ResultSet rows) throws SQLException {
    return new RemoteHost(rows.getString("host"), H2Rows.optionalInstant(rows, "last_success_at"),
        H2Rows.optionalInstant(rows, "last_failure_at"), rows.getInt("failure_days"),
        H2Rows.optionalInstant(rows, "unavailable_since"), H2Rows.optionalString(rows, "signature_scheme"));
  }

  @Override
  public CompletionStage<Optional<RemoteHost>> find(String host) {
    return database.transaction(c -> select(c, host, false));
  }

  @Override
  public CompletionStage<HostStateCounts> countByState() {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(COUNT_BY_STATE_SQL); ResultSet rows = select.executeQuery()) {
        rows.next();
        return new HostStateCounts(rows.getLong("available"), rows.getLong("failing"), rows.getLong("unavailable"));
      }
    });
  }

  @Override
  public CompletionStage<Page<RemoteHost>> page(PageRequest page) {
    return database.transaction(c -> PAGE.read(c, List.of(), page, H2RemoteHostStore::read));
  }
}
