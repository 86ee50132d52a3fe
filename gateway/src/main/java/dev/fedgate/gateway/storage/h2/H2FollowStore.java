package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link FollowStore} on H2: one {@code follow} row per local actor and follower, paged by its sequence number. */
final class H2FollowStore implements FollowStore {
  /**
   * A followers page; the ORDER BY names the whole index prefix so H2 reads {@code follow_page} in order and stops
   * after the page, as fast at 100,000 followers as at 10. Parameters: actor, state, after seq, limit.
   */
  static final H2Listing PAGE = new H2Listing(
      "SELECT * FROM follow USE INDEX (follow_page) WHERE local_actor = ? AND state = ?",
      ListingOrders.FOLLOWS);
  private final H2Database database;
  private final InstantSource clock;

  H2FollowStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(Follow follow) {
    return database.transaction(c -> {
      if (H2LocalActorStore.kindOf(c, follow.localActor()).isEmpty()) {
        return UpsertResult.MISSING_REFERENCE;
      }
      Optional<Stored<Follow>> existing = select(c, follow.localActor(), follow.follower(), true);
      if (existing.isPresent() && existing.get().value().equals(follow)) {
        return UpsertResult.UNCHANGED;
      }
      Instant now = clock.instant();
      String sql = existing.isPresent()
          ? "UPDATE follow SET inbox = ?, shared_inbox = ?, state = ?, activity_id = ?, updated_at = ?"
              + " WHERE local_actor = ? AND follower = ?"
          : "INSERT INTO follow (inbox, shared_inbox, state, activity_id, updated_at, local_actor, follower,"
              + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement write = c.prepareStatement(sql)) {
        write.setString(1, follow.inbox().toString());
        H2Rows.setOptional(write, 2, follow.sharedInbox());
        write.setString(3, follow.state().name());
        write.setString(4, follow.activityId().toString());
        H2Rows.setInstant(write, 5, now);
        write.setString(6, follow.localActor());
        write.setString(7, follow.follower().toString());
        if (existing.isEmpty()) {
          H2Rows.setInstant(write, 8, now);
        }
        write.executeUpdate();
      }
      return existing.isPresent() ? UpsertResult.UPDATED : UpsertResult.CREATED;
    });
  }

  private static Optional<Stored<Follow>> select(Connection c, String localActor, URI follower, boolean lock)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM follow WHERE local_actor = ? AND follower = ?"
        + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, localActor);
      select.setString(2, follower.toString());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static Stored<Follow> read(ResultSet rows) throws SQLException {
    Follow follow = new Follow(rows.getString("local_actor"), H2Rows.uri(rows, "follower"),
        H2Rows.uri(rows, "inbox"), H2Rows.optionalUri(rows, "shared_inbox"),
        FollowState.valueOf(rows.getString("state")), H2Rows.uri(rows, "activity_id"));
    return new Stored<>(follow, H2Rows.instant(rows, "created_at"), H2Rows.instant(rows, "updated_at"));
  }

  @Override
  public CompletionStage<Optional<Stored<Follow>>> find(String localActor, URI follower) {
    return database.transaction(c -> select(c, localActor, follower, false));
  }

  @Override
  public CompletionStage<Boolean> remove(String localActor, URI follower) {
    return database.transaction(c -> {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM follow WHERE local_actor = ? AND follower = ?")) {
        delete.setString(1, localActor);
        delete.setString(2, follower.toString());
        return delete.executeUpdate() == 1;
      }
    });
  }

  @Override
  public CompletionStage<Integer> removeFollower(URI follower) {
    return deleteWhere("follower = ?", follower);
  }

  @Override
  public CompletionStage<Integer> removeByInbox(URI inbox) {
    return deleteWhere("inbox = ?", inbox);
  }

  private CompletionStage<Integer> deleteWhere(String condition, URI value) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM follow WHERE " + condition)) {
        delete.setString(1, value.toString());
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public CompletionStage<Page<Stored<Follow>>> page(String localActor, FollowState state, PageRequest page) {
    return database.transaction(c -> PAGE.read(c, List.of(localActor, state), page, H2FollowStore::read));
  }

  @Override
  public CompletionStage<Long> count(String localActor, FollowState state) {
    return database.transaction(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT COUNT(*) FROM follow WHERE local_actor = ? AND state = ?")) {
        select.setString(1, localActor);
        select.setString(2, state.name());
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public CompletionStage<Set<URI>> deliveryInboxes(Collection<String> localActors) {
    List<String> actors = List.copyOf(new HashSet<>(localActors));
    if (actors.size() > MAX_DELIVERY_ACTORS) {
      throw new IllegalArgumentException("at most " + MAX_DELIVERY_ACTORS + " local actors per call");
    }
    if (actors.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT COALESCE(shared_inbox, inbox) FROM follow"
          + " WHERE state = 'ACCEPTED' AND local_actor IN ("
          + String.join(", ", Collections.nCopies(actors.size(), "?")) + ")")) {
        for (int i = 0; i < actors.size(); i++) {
          select.setString(i + 1, actors.get(i));
        }
        Set<URI> inboxes = new HashSet<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            inboxes.add(URI.create(rows.getString(1)));
          }
        }
        return Set.copyOf(inboxes);
      }
    });
  }
}
