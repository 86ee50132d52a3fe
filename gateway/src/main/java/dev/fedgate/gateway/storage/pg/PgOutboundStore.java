package dev.fedgate.gateway.storage.pg;

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
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link OutboundStore} on PostgreSQL: one {@code outbound_action} row per account, kind and object. */
final class PgOutboundStore implements OutboundStore {
  /** An account's actions of one kind and state, oldest first. Filters: account, kind, state. */
  private static final PgListing PAGE = new PgListing(
      "SELECT * FROM outbound_action WHERE account = $1 AND kind = $2 AND state = $3",
      ListingOrders.OUTBOUND);
  private final PgDatabase database;
  private final InstantSource clock;

  PgOutboundStore(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> add(OutboundAction action) {
    return database.transaction(c -> PgLocalActorStore.kindOf(c, action.account()).compose(kind ->
        kind.filter(ActorKind.ACCOUNT::equals).isEmpty()
            ? Future.succeededFuture(UpsertResult.MISSING_REFERENCE)
            : PgDatabase.run(c, "INSERT INTO outbound_action (account, kind, object, inbox, activity_id, state,"
                + " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
                + " ON CONFLICT (account, kind, object) DO NOTHING", action.account(), action.kind(),
                action.object(), action.inbox(), action.activityId(), action.state(), clock.instant())
                .map(rows -> rows.rowCount() == 1 ? UpsertResult.CREATED : UpsertResult.UNCHANGED)));
  }

  @Override
  public CompletionStage<Optional<Stored<OutboundAction>>> find(String account, OutboundKind kind, URI object) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT * FROM outbound_action WHERE account = $1 AND kind = $2 AND object = $3", account, kind, object)
        .map(rows -> PgRows.first(rows, PgOutboundStore::read)));
  }

  @Override
  public CompletionStage<Optional<Stored<OutboundAction>>> findByActivity(URI activityId) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM outbound_action WHERE activity_id = $1", activityId)
        .map(rows -> PgRows.first(rows, PgOutboundStore::read)));
  }

  private static Stored<OutboundAction> read(Row row) {
    OutboundAction action = new OutboundAction(row.getString("account"), OutboundKind.valueOf(row.getString("kind")),
        PgRows.uri(row, "object"), PgRows.uri(row, "inbox"), PgRows.uri(row, "activity_id"),
        FollowState.valueOf(row.getString("state")));
    return PgRows.stored(action, row);
  }

  @Override
  public CompletionStage<Boolean> setState(URI activityId, FollowState state) {
    return database.once(c -> PgDatabase.run(c, "UPDATE outbound_action SET state = $1,"
        + " updated_at = CASE WHEN state = $1 THEN updated_at ELSE $2 END WHERE activity_id = $3",
        state, clock.instant(), activityId).map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Boolean> remove(String account, OutboundKind kind, URI object) {
    return database.once(c -> PgDatabase.run(c,
        "DELETE FROM outbound_action WHERE account = $1 AND kind = $2 AND object = $3", account, kind, object)
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Page<Stored<OutboundAction>>> page(String account, OutboundKind kind, FollowState state,
      PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(account, kind, state), page, PgOutboundStore::read));
  }

  @Override
  public CompletionStage<Long> count(String account, OutboundKind kind, FollowState state) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT COUNT(*) FROM outbound_action WHERE account = $1 AND kind = $2 AND state = $3", account, kind, state)
        .map(PgRows::count));
  }

  @Override
  public CompletionStage<Boolean> isFollowed(URI actor) {
    return database.once(c -> PgDatabase.run(c, "SELECT 1 FROM outbound_action"
        + " WHERE object = $1 AND kind = 'FOLLOW' AND state = 'ACCEPTED' LIMIT 1", actor)
        .map(rows -> rows.size() > 0));
  }
}
