package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.Interaction;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link InteractionStore} on PostgreSQL: one {@code interaction} row per video, actor and kind. */
final class PgInteractionStore implements InteractionStore {
  /** A video's interactions of one kind, in the order received. Filters: video, kind. */
  private static final PgListing PAGE = new PgListing("SELECT * FROM interaction WHERE video_uuid = $1 AND kind = $2",
      ListingOrders.INTERACTIONS);
  private final PgDatabase database;
  private final InstantSource clock;

  PgInteractionStore(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> record(Interaction interaction) {
    return database.transaction(c -> PgVideoStore.isLive(c, interaction.video()).compose(live -> {
      if (!live) {
        return Future.succeededFuture(UpsertResult.MISSING_REFERENCE);
      }
      // One rating per actor: a like replaces a dislike and the other way round; a share has no opposite.
      InteractionKind opposite = interaction.kind() == InteractionKind.LIKE ? InteractionKind.DISLIKE
          : interaction.kind() == InteractionKind.DISLIKE ? InteractionKind.LIKE : InteractionKind.SHARE;
      return PgDatabase.run(c, "INSERT INTO interaction (video_uuid, actor, kind, activity_id, created_at)"
          + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", interaction.video(), interaction.actor(),
          interaction.kind(), interaction.activityId(), clock.instant()).compose(inserted -> {
            if (inserted.rowCount() == 0) {
              return Future.succeededFuture(UpsertResult.UNCHANGED);
            }
            return opposite == interaction.kind()
                ? Future.succeededFuture(UpsertResult.CREATED)
                : delete(c, interaction.video(), interaction.actor(), opposite).map(removed -> UpsertResult.CREATED);
          });
    }));
  }

  private static Future<RowSet<Row>> delete(SqlClient c, UUID video, URI actor,
      InteractionKind kind) {
    return PgDatabase.run(c, "DELETE FROM interaction WHERE video_uuid = $1 AND actor = $2 AND kind = $3",
        video, actor, kind);
  }

  @Override
  public CompletionStage<Boolean> remove(UUID video, URI actor, InteractionKind kind) {
    return database.once(c -> delete(c, video, actor, kind).map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Integer> removeActor(URI actor) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM interaction WHERE actor = $1", actor)
        .map(rows -> rows.rowCount()));
  }

  /** One upsert per video, pipelined in one transaction; videos that are not live insert nothing. */
  @Override
  public CompletionStage<Integer> addViews(Map<UUID, Long> views) {
    Map<UUID, Long> batch = Map.copyOf(views);
    if (batch.size() > MAX_VIEW_BATCH || batch.values().stream().anyMatch(count -> count < 0)) {
      throw new IllegalArgumentException("at most " + MAX_VIEW_BATCH + " videos, with counts not negative");
    }
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    List<Object[]> rows = new ArrayList<>();
    batch.forEach((video, count) -> rows.add(new Object[] {video, count}));
    return database.transaction(c -> PgDatabase.batch(c, "INSERT INTO video_views (video_uuid, views)"
        + " SELECT uuid, $2 FROM video WHERE uuid = $1 AND deleted_at IS NULL"
        + " ON CONFLICT (video_uuid) DO UPDATE SET views = video_views.views + EXCLUDED.views", rows).map(results -> {
          int updated = 0;
          for (RowSet<Row> result = results; result != null; result = result.next()) {
            updated += result.rowCount();
          }
          return updated;
        }));
  }

  @Override
  public CompletionStage<Long> views(UUID video) {
    return database.once(c -> PgDatabase.run(c, "SELECT views FROM video_views WHERE video_uuid = $1", video)
        .map(rows -> PgRows.first(rows, row -> row.getLong("views")).orElse(0L)));
  }

  @Override
  public CompletionStage<Long> count(UUID video, InteractionKind kind) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT COUNT(*) FROM interaction WHERE video_uuid = $1 AND kind = $2", video, kind).map(PgRows::count));
  }

  @Override
  public CompletionStage<Page<Interaction>> page(UUID video, InteractionKind kind, PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(video, kind), page,
        row -> new Interaction(video, PgRows.uri(row, "actor"), kind, PgRows.uri(row, "activity_id"))));
  }
}
