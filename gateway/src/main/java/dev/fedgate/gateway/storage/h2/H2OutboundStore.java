package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link OutboundStore} on H2: one {@code outbound_action} row per account, kind and object, paged by sequence. */
final class H2OutboundStore implements OutboundStore {
  /** An account's actions of one kind and state, oldest first. Filters: account, kind, state. */
  static final H2Listing PAGE = new H2Listing(
      "SELECT * FROM outbound_action USE INDEX (outbound_action_page) WHERE account = ? AND kind = ? AND state = ?",
      ListingOrders.OUTBOUND);
  private final H2Database database;
  private final InstantSource clock;

  H2OutboundStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> add(OutboundAction action) {
    return database.transaction(c -> {
      if (H2LocalActorStore.kindOf(c, action.account()).filter(kind -> kind == ActorKind.ACCOUNT).isEmpty()) {
        return UpsertResult.MISSING_REFERENCE;
      }
      // MERGE keeps a concurrent second add from failing on the unique key: it matches the first one's row.
      try (PreparedStatement merge = c.prepareStatement("MERGE INTO outbound_action t"
          + " USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) s (account, kind, object)"
          + " ON t.account = s.account AND t.kind = s.kind AND t.object = s.object"
          + " WHEN NOT MATCHED THEN INSERT (account, kind, object, inbox, activity_id, state, created_at, updated_at)"
          + " VALUES (s.account, s.kind, s.object, ?, ?, ?, ?, ?)")) {
        merge.setString(1, action.account());
        merge.setString(2, action.kind().name());
        merge.setString(3, action.object().toString());
        merge.setString(4, action.inbox().toString());
        merge.setString(5, action.activityId().toString());
        merge.setString(6, action.state().name());
        Instant now = clock.instant();
        H2Rows.setInstant(merge, 7, now);
        H2Rows.setInstant(merge, 8, now);
        return merge.executeUpdate() == 1 ? UpsertResult.CREATED : UpsertResult.UNCHANGED;
      }
    });
  }

  @Override
  public CompletionStage<Optional<Stored<OutboundAction>>> find(String account, OutboundKind kind, URI object) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT * FROM outbound_action WHERE account = ? AND kind = ? AND object = ?")) {
        select.setString(1, account);
        select.setString(2, kind.name());
        select.setString(3, object.toString());
        return first(select);
      }
    });
  }

  @Override
  public CompletionStage<Optional<Stored<OutboundAction>>> findByActivity(URI activityId) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM outbound_action WHERE activity_id = ?")) {
        select.setString(1, activityId.toString());
        return first(select);
      }
    });
  }

  private static Optional<Stored<OutboundAction>> first(PreparedStatement select) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(read(rows)) : Optional.empty();
    }
  }

  private static Stored<OutboundAction> read(ResultSet rows) throws SQLException {
    OutboundAction action = new OutboundAction(rows.getString("account"),
        OutboundKind.valueOf(rows.getString("kind")), H2Rows.uri(rows, "object"), H2Rows.uri(rows, "inbox"),
        H2Rows.uri(rows, "activity_id"), FollowState.valueOf(rows.getString("state")));
    return new Stored<>(action, H2Rows.instant(rows, "created_at"), H2Rows.instant(rows, "updated_at"));
  }

  @Override
  public CompletionStage<Boolean> setState(URI activityId, FollowState state) {
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE outbound_action SET state = ?,"
          + " updated_at = CASE WHEN state = ? THEN updated_at ELSE ? END WHERE activity_id = ?")) {
        update.setString(1, state.name());
        update.setString(2, state.name());
        H2Rows.setInstant(update, 3, clock.instant());
        update.setString(4, activityId.toString());
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public CompletionStage<Boolean> remove(String account, OutboundKind kind, URI object) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM outbound_action WHERE account = ? AND kind = ? AND object = ?")) {
        delete.setString(1, account);
        delete.setString(2, kind.name());
        delete.setString(3, object.toString());
        return delete.executeUpdate() == 1;
      }
    });
  }

  @Override
  public CompletionStage<Page<Stored<OutboundAction>>> page(String account, OutboundKind kind, FollowState state,
      PageRequest page) {
    return database.transaction(c -> PAGE.read(c, List.of(account, kind, state), page, H2OutboundStore::read));
  }

  @Override
  public CompletionStage<Long> count(String account, OutboundKind kind, FollowState state) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT COUNT(*) FROM outbound_action WHERE account = ? AND kind = ? AND state = ?")) {
        select.setString(1, account);
        select.setString(2, kind.name());
        select.setString(3, state.name());
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public CompletionStage<Boolean> isFollowed(URI actor) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM outbound_action"
          + " WHERE object = ? AND kind = 'FOLLOW' AND state = 'ACCEPTED' FETCH FIRST 1 ROWS ONLY")) {
        select.setString(1, actor.toString());
        try (ResultSet rows = select.executeQuery()) {
          return rows.next();
        }
      }
    });
  }
}
