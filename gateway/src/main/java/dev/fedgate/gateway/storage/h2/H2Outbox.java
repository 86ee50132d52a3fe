package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.PendingFederation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code federation_pending} marks, written inside the transactions of the stores whose changes federate. */
final class H2Outbox {
  private H2Outbox() {}

  /**
   * Marks {@code subject} as owing {@code change}, merged with a mark still pending ({@link FederationChange#then}),
   * under a new version. A racing first mark fails on the key and the caller's transaction runs again.
   */
  static void mark(Connection c, FederationSubject subject, FederationChange change, Instant now)
      throws SQLException {
    Optional<FederationChange> pending = Optional.empty();
    try (PreparedStatement select = c.prepareStatement("SELECT change_kind FROM federation_pending"
        + " WHERE subject_type = ? AND subject_key = ? FOR UPDATE")) {
      bindSubject(select, 1, subject);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          pending = Optional.of(FederationChange.valueOf(rows.getString(1)));
        }
      }
    }
    String sql = pending.isPresent()
        ? "UPDATE federation_pending SET change_kind = ?, marked_at = ?, version = NEXT VALUE FOR federation_version"
            + " WHERE subject_type = ? AND subject_key = ?"
        : "INSERT INTO federation_pending (change_kind, marked_at, version, subject_type, subject_key)"
            + " VALUES (?, ?, NEXT VALUE FOR federation_version, ?, ?)";
    try (PreparedStatement write = c.prepareStatement(sql)) {
      write.setString(1, pending.map(p -> p.then(change)).orElse(change).name());
      H2Rows.setInstant(write, 2, now);
      bindSubject(write, 3, subject);
      write.executeUpdate();
    }
  }

  /** Binds the subject's type and key as parameters {@code first} and {@code first + 1}. */
  static void bindSubject(PreparedStatement statement, int first, FederationSubject subject) throws SQLException {
    statement.setString(first, subject.type().name());
    statement.setString(first + 1, subject.key());
  }

  /** Reads a {@code federation_pending} row. */
  static PendingFederation read(ResultSet rows) throws SQLException {
    return new PendingFederation(
        new FederationSubject(FederationSubject.Type.valueOf(rows.getString("subject_type")),
            rows.getString("subject_key")),
        FederationChange.valueOf(rows.getString("change_kind")), rows.getLong("version"),
        H2Rows.instant(rows, "marked_at"));
  }
}
