package dev.fedgate.gateway.storage.h2;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link VideoStore} on H2: one {@code video} row per uuid; a tombstone is the row with {@code deleted_at} set. */
final class H2VideoStore implements VideoStore {
  private static final String COLUMNS = "channel_name, name, description, duration_seconds, published_at, url,"
      + " embed_url, thumbnails, files, hls, tags, language, licence, category, sensitive, comments_policy, live,"
      + " updated_at";

  /** A channel's live videos, read in {@code video_channel_published} order. Filter: the channel. */
  static final H2Listing CHANNEL_PAGE = new H2Listing(
      "SELECT * FROM video USE INDEX (video_channel_published) WHERE channel_name = ? AND deleted_at IS NULL",
      ListingOrders.CHANNEL_VIDEOS);

  /** An account's videos: through its channels. Parameter: the account. */
  private static final String ACCOUNT_FILTER =
      "FROM video v JOIN local_actor c ON c.name = v.channel_name WHERE c.account_name = ?";
  /** Every video, read in {@code video_published} order. */
  private static final String ALL_FILTER = "FROM video v USE INDEX (video_published) WHERE TRUE";

  /** An account's live videos. Filter: the account. */
  static final H2Listing ACCOUNT_PAGE =
      new H2Listing("SELECT v.* " + ACCOUNT_FILTER + " AND v.deleted_at IS NULL", ListingOrders.VIDEOS);
  /** Every live video, read in {@code video_published} order. */
  static final H2Listing ALL_PAGE = new H2Listing("SELECT v.* " + ALL_FILTER + " AND v.deleted_at IS NULL",
      ListingOrders.VIDEOS);

  private final H2Database database;
  private final InstantSource clock;

  H2VideoStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(Video video) {
    return database.transaction(c -> {
      if (H2LocalActorStore.kindOf(c, video.channel()).filter(ActorKind.CHANNEL::equals).isEmpty()) {
        return UpsertResult.MISSING_REFERENCE;
      }
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM video WHERE uuid = ? FOR UPDATE")) {
        select.setObject(1, video.uuid());
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            if (rows.getObject("deleted_at") != null) {
              return UpsertResult.GONE;
            }
            if (read(rows).equals(video)) {
              return UpsertResult.UNCHANGED;
            }
            write(c, "UPDATE video SET (" + COLUMNS + ") = (" + params(18) + ") WHERE uuid = ?", video, false);
            H2Outbox.mark(c, FederationSubject.video(video.uuid()), FederationChange.UPDATED, clock.instant());
            return UpsertResult.UPDATED;
          }
        }
      }
      write(c, "INSERT INTO video (" + COLUMNS + ", uuid, created_at) VALUES (" + params(20) + ")", video, true);
      H2Outbox.mark(c, FederationSubject.video(video.uuid()), FederationChange.CREATED, clock.instant());
      return UpsertResult.CREATED;
    });
  }

  private static String params(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private void write(Connection c, String sql, Video video, boolean insert) throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, video.channel());
      statement.setString(2, video.name());
      statement.setString(3, video.description());
      statement.setLong(4, video.durationSeconds());
      H2Rows.setInstant(statement, 5, video.publishedAt());
      statement.setString(6, video.url().toString());
      H2Rows.setOptional(statement, 7, video.embedUrl());
      statement.setString(8, StoredJson.images(video.thumbnails()));
      statement.setString(9, StoredJson.files(video.files()));
      H2Rows.setOptional(statement, 10, video.hls().map(StoredJson::hls));
      statement.setString(11, StoredJson.strings(video.tags()));
      H2Rows.setOptional(statement, 12, video.language());
      H2Rows.setOptional(statement, 13, video.licence());
      H2Rows.setOptional(statement, 14, video.category());
      statement.setBoolean(15, video.sensitive());
      statement.setString(16, video.commentsPolicy().name());
      statement.setBoolean(17, video.live());
      H2Rows.setInstant(statement, 18, now);
      statement.setObject(19, video.uuid());
      if (insert) {
        H2Rows.setInstant(statement, 20, now);
      }
      statement.executeUpdate();
    }
  }

  private static Video read(ResultSet rows) throws SQLException {
    return new Video(
        rows.getObject("uuid", UUID.class),
        rows.getString("channel_name"),
        rows.getString("name"),
        rows.getString("description"),
        rows.getLong("duration_seconds"),
        H2Rows.instant(rows, "published_at"),
        H2Rows.uri(rows, "url"),
        H2Rows.optionalUri(rows, "embed_url"),
        StoredJson.images(rows.getString("thumbnails")),
        StoredJson.files(rows.getString("files")),
        H2Rows.optionalString(rows, "hls").map(StoredJson::hls),
        StoredJson.strings(rows.getString("tags")),
        H2Rows.optionalString(rows, "language"),
        H2Rows.optionalString(rows, "licence"),
        H2Rows.optionalString(rows, "category"),
        rows.getBoolean("sensitive"),
        CommentsPolicy.valueOf(rows.getString("comments_policy")),
        rows.getBoolean("live"));
  }

  private static Stored<Video> readStored(ResultSet rows) throws SQLException {
    return new Stored<>(read(rows), H2Rows.instant(rows, "created_at"), H2Rows.instant(rows, "updated_at"));
  }

  /** Whether a live (not deleted) video has that uuid; for stores whose rows hang off live videos. */
  static boolean isLive(Connection c, UUID video) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM video WHERE uuid = ? AND deleted_at IS NULL")) {
      select.setObject(1, video);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Override
  public CompletionStage<Optional<Stored<Video>>> find(UUID uuid) {
    return database.transaction(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT * FROM video WHERE uuid = ? AND deleted_at IS NULL")) {
        select.setObject(1, uuid);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(readStored(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<Optional<VideoTombstone>> findTombstone(UUID uuid) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT channel_name, published_at, deleted_at FROM video"
          + " WHERE uuid = ? AND deleted_at IS NOT NULL")) {
        select.setObject(1, uuid);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next()
              ? Optional.of(new VideoTombstone(uuid, rows.getString(1), H2Rows.instant(rows, "published_at"),
                  H2Rows.instant(rows, "deleted_at")))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<Boolean> delete(UUID uuid) {
    return database.transaction(c -> {
      try (PreparedStatement update =
          c.prepareStatement("UPDATE video SET deleted_at = ? WHERE uuid = ? AND deleted_at IS NULL")) {
        Instant now = clock.instant();
        H2Rows.setInstant(update, 1, now);
        update.setObject(2, uuid);
        if (update.executeUpdate() == 0) {
          return false;
        }
        H2Outbox.mark(c, FederationSubject.video(uuid), FederationChange.DELETED, now);
        return true;
      }
    });
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageByChannel(String channel, PageRequest page) {
    return database.transaction(c -> CHANNEL_PAGE.read(c, List.of(channel), page, H2VideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countByChannel(String channel) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT COUNT(*) FROM video WHERE channel_name = ? AND deleted_at IS NULL")) {
        select.setString(1, channel);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageByAccount(String account, PageRequest page) {
    return database.transaction(c -> ACCOUNT_PAGE.read(c, List.of(account), page, H2VideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countByAccount(String account) {
    return countWhere(ACCOUNT_FILTER, Optional.of(account));
  }

  @Override
  public CompletionStage<Page<Stored<Video>>> pageAll(PageRequest page) {
    return database.transaction(c -> ALL_PAGE.read(c, List.of(), page, H2VideoStore::readStored));
  }

  @Override
  public CompletionStage<Long> countAll() {
    return countWhere(ALL_FILTER, Optional.empty());
  }

  private CompletionStage<Long> countWhere(String filter, Optional<String> parameter) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) " + filter
          + " AND v.deleted_at IS NULL")) {
        if (parameter.isPresent()) {
          select.setString(1, parameter.get());
        }
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }
}
