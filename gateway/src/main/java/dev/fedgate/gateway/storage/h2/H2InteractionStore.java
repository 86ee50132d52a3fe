package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Interaction;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link InteractionStore} on H2: one {@code interaction} row per video, actor and kind. */
final class H2InteractionStore implements InteractionStore {
  /** A video's interactions of one kind, in the order received. Filters: video, kind. */
  static final H2Listing PAGE = new H2Listing(
      "SELECT * FROM interaction USE INDEX (interaction_video_kind) WHERE video_uuid = ? AND kind = ?",
      ListingOrders.INTERACTIONS);
  private final H2Database database;
  private final InstantSource clock;

  H2InteractionStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> record(Interaction interaction) {
    return database.transaction(c -> {
      if (!H2VideoStore.isLive(c, interaction.video())) {
        return UpsertResult.MISSING_REFERENCE;
      }
      try (PreparedStatement exists = c.prepareStatement(
          "SELECT 1 FROM interaction WHERE video_uuid = ? AND actor = ? AND kind = ?")) {
        exists.setObject(1, interaction.video());
        exists.setString(2, interaction.actor().toString());
        exists.setString(3, interaction.kind().name());
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return UpsertResult.UNCHANGED;
          }
        }
      }
      if (interaction.kind() != InteractionKind.SHARE) {
        // One rating per actor: a like replaces a dislike and the other way round.
        InteractionKind opposite =
            interaction.kind() == InteractionKind.LIKE ? InteractionKind.DISLIKE : InteractionKind.LIKE;
        delete(c, interaction.video(), interaction.actor(), opposite);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO interaction"
          + " (video_uuid, actor, kind, activity_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
        insert.setObject(1, interaction.video());
        insert.setString(2, interaction.actor().toString());
        insert.setString(3, interaction.kind().name());
        insert.setString(4, interaction.activityId().toString());
        H2Rows.setInstant(insert, 5, clock.instant());
        insert.executeUpdate();
      }
      return UpsertResult.CREATED;
    });
  }

  private static int delete(Connection c, UUID video, URI actor, InteractionKind kind)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM interaction WHERE video_uuid = ? AND actor = ? AND kind = ?")) {
      delete.setObject(1, video);
      delete.setString(2, actor.toString());
      delete.setString(3, kind.name());
      return delete.executeUpdate();
    }
  }

  @Override
  public CompletionStage<Boolean> remove(UUID video, URI actor, InteractionKind kind) {
    return database.transaction(c -> delete(c, video, actor, kind) == 1);
  }

  @Override
  public CompletionStage<Integer> removeActor(URI actor) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM interaction WHERE actor = ?")) {
        delete.setString(1, actor.toString());
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public CompletionStage<Integer> addViews(Map<UUID, Long> views) {
    Map<UUID, Long> batch = Map.copyOf(views);
    if (batch.size() > MAX_VIEW_BATCH || batch.values().stream().anyMatch(count -> count < 0)) {
      throw new IllegalArgumentException("at most " + MAX_VIEW_BATCH + " videos, with counts not negative");
    }
    return database.transaction(c -> {
      int updated = 0;
      for (Map.Entry<UUID, Long> entry : batch.entrySet()) {
        updated += addViews(c, entry.getKey(), entry.getValue());
      }
      return updated;
    });
  }

  /** An atomic increment of an existing total, else a first total for a live video (a racing insert is retried). */
  private static int addViews(Connection c, UUID video, long count) throws SQLException {
    if (!H2VideoStore.isLive(c, video)) {
      return 0;
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE video_views SET views = views + ? WHERE video_uuid = ?")) {
      update.setLong(1, count);
      update.setObject(2, video);
      if (update.executeUpdate() == 1) {
        return 1;
      }
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_views (video_uuid, views) VALUES (?, ?)")) {
      insert.setObject(1, video);
      insert.setLong(2, count);
      return insert.executeUpdate();
    }
  }

  @Override
  public CompletionStage<Long> views(UUID video) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT views FROM video_views WHERE video_uuid = ?")) {
        select.setObject(1, video);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? rows.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public CompletionStage<Long> count(UUID video, InteractionKind kind) {
    return database.transaction(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT COUNT(*) FROM interaction WHERE video_uuid = ? AND kind = ?")) {
        select.setObject(1, video);
        select.setString(2, kind.name());
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public CompletionStage<Page<Interaction>> page(UUID video, InteractionKind kind, PageRequest page) {
    return database.transaction(c -> PAGE.read(c, List.of(video, kind), page,
        r -> new Interaction(video, H2Rows.uri(r, "actor"), kind, H2Rows.uri(r, "activity_id"))));
  }
}
