package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoStore;
import dev.fedgate.gateway.storage.VideoTombstone;
import dev.fedgate.gateway.storage.support.ListingOrders;
import dev.fedgate.gateway.storage.support.StoredJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link VideoStore} on PostgreSQL: one {@code video} row per uuid; a tombstone has {@code deleted_at} set. */
final class PgVideoStore implements VideoStore {
  private static final String COLUMNS = "channel_name, name, description, duration_seconds, published_at, url,"
      + " embed_url, thumbnails, files, hls, tags, language, licence, category, sensitive, comments_policy, live,"
      + " updated_at, uuid";
  private static final String VALUES = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
      + " $18, $19";
  /** An account's videos: through its channels. Parameter: the account. */
  private static final String ACCOUNT_FILTER =
      "FROM video v JOIN local_actor c ON c.name = v.channel_name WHERE c.account_name = $1";
  /** Every video, from the partial index {@code video_published}. */
  private static final String ALL_FILTER = "FROM video v WHERE TRUE";

  /** A channel's live videos, newest first, from the partial index {@code video_channel_published}. */
  private static final PgListing CHANNEL_PAGE = new PgListing(
      "SELECT * FROM video WHERE channel_name = $1 AND deleted_at IS NULL",
      ListingOrders.CHANNEL_VIDEOS);
  /** An account's live videos. Filter: the account. */
  private static final PgListing ACCOUNT_PAGE =
      new PgListing("SELECT v.* " + ACCOUNT_FILTER + " AND v.deleted_at IS NULL", ListingOrders.VIDEOS);
  /** Every live video, from the partial index {@code video_published}. */
  private static final PgListing ALL_PAGE =
      new PgListing("SELECT v.* " + ALL_FILTER + " AND v.deleted_at IS NULL", ListingOrders.VIDEOS);

  private final PgDatabase database;
  private final InstantSource clock;

  PgVideoStore(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(Video video) {
    return database.transaction(c -> PgLocalActorStore.kindOf(c, video.channel()).compose(kind -> {
      if (kind.filter(ActorKind.CHANNEL::equals).isEmpty()) {
        return Future.succeededFuture(UpsertResult.MISSING_REFERENCE);
      }
      return PgDatabase.run(c, "SELECT * FROM video WHERE uuid = $1 FOR UPDATE", video.uuid()).compose(rows -> {
        Optional<Row> existing = PgRows.first(rows, row -> row);
        if (existing.isEmpty()) {
          return PgDatabase.run(c, "INSERT INTO video (" + COLUMNS + ", created_at) VALUES (" + VALUES + ", $18)",
              values(video)).compose(inserted -> marked(c, video.uuid(), FederationChange.CREATED))
              .map(marked -> UpsertResult.CREATED);
        }
        if (existing.get().getValue("deleted_at") != null) {
          return Future.succeededFuture(UpsertResult.GONE);
        }
        if (read(existing.get()).equals(video)) {
          return Future.succeededFuture(UpsertResult.UNCHANGED);
        }
        return PgDatabase.run(c, "UPDATE video SET (" + COLUMNS + ") = (" + VALUES + ") WHERE uuid = $19",
            values(video)).compose(updated -> marked(c, video.uuid(), FederationChange.UPDATED))
            .map(marked -> UpsertResult.UPDATED);
      });
    }));
  }

  private Object[] values(Video video) {
    return Arrays.asList(video.channel(), video.name(), video.description(), video.durationSeconds(),
        video.publishedAt(), video.url(), video.embedUrl(), StoredJson.images(video.thumbnails()),
        StoredJson.files(video.files()), video.hls().map(StoredJson::hls), StoredJson.strings(video.tags()),
        video.language(), video.licence(), video.category(), video.sensitive(), video.commentsPolicy(), video.live(),
        clock.instant(), video.uuid()).toArray();
  }

  private static Video read(Row row) {
    return new Video(
        row.getUUID("uuid"),
        row.getString("channel_name"),
        row.getString("name"),
        row.getString("description"),
        row.getLong("duration_seconds"),
        PgRows.instant(row, "published_at"),
        PgRows.uri(row, "url"),
        PgRows.optionalUri(row, "embed_url"),
        StoredJson.images(row.getString("thumbnails")),
        StoredJson.files(row.getString("files")),
        PgRows.optionalString(row, "hls").map(StoredJson::hls),
        StoredJson.strings(row.getString("tags")),
        PgRows.optionalString(row, "language"),
        PgRows.optionalString(row, "licence"),
        PgRows.optionalString(row, "category"),
        row.getBoolean("sensitive"),
        CommentsPolicy.valueOf(row.getString("comments_policy")),
        row.getBoolean("live"));
  }

  private static Stored<Video> readStored(Row row) {
    return PgRows.stored(read(row), row);
  }

  /** Whether a live (not deleted) video has that uuid; for stores whose rows hang off live videos. */
  static Future<Boolean> isLive(SqlClient c, UUID video) {
    return PgDatabase.run(c, "SELECT 1 FROM video WHERE uuid = $1 AND deleted_at IS NULL", video)
        .map(rows -> rows.size() == 1);
  }

  @Override
  public CompletionStage<Optional<Stored<Video>>> find(UUID uuid) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM video WHERE uuid = $1 AND deleted_at IS NULL", uuid)
        .map(rows -> PgRows.first(rows, PgVideoStore::readStored)));
  }

  @Override
  public CompletionStage<Optional<VideoTombstone>> findTombstone(UUID uuid) {
    return database.once(c -> PgDatabase.run(c, "SELECT channel_name, published_at, deleted_at FROM video"
        + " WHERE uuid = $1 AND deleted_at IS NOT NULL", uuid)
        .map(rows -> PgRows.first(rows, row -> new VideoTombstone(uuid, row.getString("channel_name"),
            PgRows.instant(row, "published_at"), PgRows.instant(row, "deleted_at")))));
  }

  @Override
  public CompletionStage<Boolean> delete(UUID uuid) {
    Instant now = clock.instant();
    return database.transaction(c -> PgDatabase.run(c,
        "UPDATE video SET deleted_at = $1 WHERE uuid = $2 AND deleted_at IS NULL", now, uuid)
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : PgOutbox.mark(c, FederationSubject.video(uuid), FederationChange.DELETED, now).map(marked -> true)));
  }

  private Future<Void> marked(SqlClient c, UUID uuid, FederationChange change) {
    return PgOutbox.mark(c, FederationSubject.video(uuid), change, clock.instant());
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageByChannel(String channel, PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> CHANNEL_PAGE.read(c, List.of(channel), page, PgVideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countByChannel(String channel) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT COUNT(*) FROM video WHERE channel_name = $1 AND deleted_at IS NULL", channel).map(PgRows::count));
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageByAccount(String account, PageRequest page) {
    return database.once(c -> ACCOUNT_PAGE.read(c, List.of(account), page, PgVideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countByAccount(String account) {
    return database.once(c -> PgDatabase.run(c, "SELECT COUNT(*) " + ACCOUNT_FILTER + " AND v.deleted_at IS NULL",
        account).map(PgRows::count));
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageAll(PageRequest page) {
    return database.once(c -> ALL_PAGE.read(c, List.of(), page, PgVideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countAll() {
    return database.once(c -> PgDatabase.run(c, "SELECT COUNT(*) " + ALL_FILTER + " AND v.deleted_at IS NULL")
        .map(PgRows::count));
  }
}
