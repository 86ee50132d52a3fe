package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link FollowStore} on PostgreSQL: one {@code follow} row per local actor and follower, paged by its sequence. */
final class PgFollowStore implements FollowStore {
  /** An actor's follows in one state, oldest first, along {@code follow_page}. Filters: actor, state. */
  private static final PgListing PAGE = new PgListing("SELECT * FROM follow WHERE local_actor = $1 AND state = $2",
      ListingOrders.FOLLOWS);
  private final PgDatabase database;
  private final InstantSource clock;

  PgFollowStore(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(Follow follow) {
    Instant now = clock.instant();
    Object[] values = {follow.inbox(), follow.sharedInbox(), follow.state(), follow.activityId(), now,
        follow.localActor(), follow.follower()};
    return database.transaction(c -> PgLocalActorStore.kindOf(c, follow.localActor()).compose(kind -> kind.isEmpty()
        ? Future.succeededFuture(UpsertResult.MISSING_REFERENCE)
        : select(c, follow.localActor(), follow.follower(), " FOR UPDATE").compose(existing -> {
          if (existing.isPresent() && existing.get().value().equals(follow)) {
            return Future.succeededFuture(UpsertResult.UNCHANGED);
          }
          return existing.isPresent()
              ? PgDatabase.run(c, "UPDATE follow SET inbox = $1, shared_inbox = $2, state = $3, activity_id = $4,"
                  + " updated_at = $5 WHERE local_actor = $6 AND follower = $7", values)
                  .map(updated -> UpsertResult.UPDATED)
              : PgDatabase.run(c, "INSERT INTO follow (inbox, shared_inbox, state, activity_id, updated_at,"
                  + " local_actor, follower, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $5)", values)
                  .map(inserted -> UpsertResult.CREATED);
        })));
  }

  private static Future<Optional<Stored<Follow>>> select(SqlClient c, String localActor, URI follower, String lock) {
    return PgDatabase.run(c, "SELECT * FROM follow WHERE local_actor = $1 AND follower = $2" + lock,
        localActor, follower).map(rows -> PgRows.first(rows, PgFollowStore::read));
  }

  private static Stored<Follow> read(Row row) {
    Follow follow = new Follow(row.getString("local_actor"), PgRows.uri(row, "follower"), PgRows.uri(row, "inbox"),
        PgRows.optionalUri(row, "shared_inbox"), FollowState.valueOf(row.getString("state")),
        PgRows.uri(row, "activity_id"));
    return PgRows.stored(follow, row);
  }

  @Override
  public CompletionStage<Optional<Stored<Follow>>> find(String localActor, URI follower) {
    return database.once(c -> select(c, localActor, follower, ""));
  }

  @Override
  public CompletionStage<Boolean> remove(String localActor, URI follower) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM follow WHERE local_actor = $1 AND follower = $2",
        localActor, follower).map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Integer> removeFollower(URI follower) {
    return deleteWhere("follower = $1", follower);
  }

  @Override
  public CompletionStage<Integer> removeByInbox(URI inbox) {
    return deleteWhere("inbox = $1", inbox);
  }

  private CompletionStage<Integer> deleteWhere(String condition, URI value) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM follow WHERE " + condition, value)
        .map(rows -> rows.rowCount()));
  }

  @Override
  public CompletionStage<Page<Stored<Follow>>> page(String localActor, FollowState state, PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(localActor, state), page, PgFollowStore::read));
  }

  @Override
  public CompletionStage<Long> count(String localActor, FollowState state) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT COUNT(*) FROM follow WHERE local_actor = $1 AND state = $2", localActor, state).map(PgRows::count));
  }

  @Override
  public CompletionStage<Set<URI>> deliveryInboxes(Collection<String> localActors) {
    Set<String> actors = new HashSet<>(localActors);
    if (actors.size() > MAX_DELIVERY_ACTORS) {
      throw new IllegalArgumentException("at most " + MAX_DELIVERY_ACTORS + " local actors per call");
    }
    if (actors.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return database.once(c -> PgDatabase.run(c, "SELECT DISTINCT COALESCE(shared_inbox, inbox) AS target FROM follow"
        + " WHERE state = 'ACCEPTED' AND local_actor = ANY($1)", (Object) actors.toArray(String[]::new))
        .map(rows -> {
          Set<URI> inboxes = new HashSet<>();
          rows.forEach(row -> inboxes.add(PgRows.uri(row, "target")));
          return Set.copyOf(inboxes);
        }));
  }
}
