package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.support.ListingOrders;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link CommentStore} on H2: {@code video_comment} rows; the author is a local account or a remote actor id. */
final class H2CommentStore implements CommentStore {
  private final H2Database database;
  private final InstantSource clock;

  H2CommentStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Optional<Stored<Comment>>> add(NewComment comment) {
    return database.transaction(c -> addIn(c, comment));
  }

  @Override
  public CompletionStage<List<Optional<Stored<Comment>>>> addAll(List<NewComment> comments) {
    return database.transaction(c -> {
      List<Optional<Stored<Comment>>> added = new ArrayList<>(comments.size());
      for (NewComment comment : comments) {
        added.add(addIn(c, comment));
      }
      return added;
    });
  }

  private Optional<Stored<Comment>> addIn(Connection c, NewComment comment) throws SQLException {
    if (comment.remoteId().isPresent()) {
      Optional<Stored<Comment>> existing = selectOne(c, "remote_id = ?", comment.remoteId().get().toString());
      if (existing.isPresent()) {
        return existing;
      }
    }
    if (!H2VideoStore.isLive(c, comment.video()) || !authorExists(c, comment.author())) {
      return Optional.empty();
    }
    Optional<Long> root = Optional.empty();
    if (comment.parent().isPresent()) {
      Optional<Stored<Comment>> parent = selectOne(c, "id = ?", comment.parent().get());
      if (parent.isEmpty() || !parent.get().value().video().equals(comment.video())) {
        return Optional.empty();
      }
      root = Optional.of(parent.get().value().root().orElse(parent.get().value().id()));
    }
    return Optional.of(insert(c, comment, root));
  }

  private Stored<Comment> insert(Connection c, NewComment comment, Optional<Long> root) throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_comment (video_uuid, remote_id,"
        + " author_account, author_actor, content, parent_id, root_id, status, published_at, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
      insert.setObject(1, comment.video());
      H2Rows.setOptional(insert, 2, comment.remoteId());
      insert.setString(3, comment.author() instanceof CommentAuthor.Local local ? local.account() : null);
      insert.setString(4, comment.author() instanceof CommentAuthor.Remote remote ? remote.actor().toString() : null);
      insert.setString(5, comment.content());
      setOptionalLong(insert, 6, comment.parent());
      setOptionalLong(insert, 7, root);
      insert.setString(8, comment.status().name());
      H2Rows.setInstant(insert, 9, comment.publishedAt());
      H2Rows.setInstant(insert, 10, now);
      H2Rows.setInstant(insert, 11, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        Comment stored = new Comment(keys.getLong(1), comment.video(), comment.remoteId(), comment.author(),
            comment.content(), comment.parent(), root, comment.status(), comment.publishedAt());
        return new Stored<>(stored, now, now);
      }
    }
  }

  private static void setOptionalLong(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static boolean authorExists(Connection c, CommentAuthor author) throws SQLException {
    return !(author instanceof CommentAuthor.Local local)
        || H2LocalActorStore.kindOf(c, local.account()).filter(ActorKind.ACCOUNT::equals).isPresent();
  }

  private static Optional<Stored<Comment>> selectOne(Connection c, String where, Object value) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM video_comment WHERE " + where)) {
      select.setObject(1, value);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static Stored<Comment> read(ResultSet rows) throws SQLException {
    String account = rows.getString("author_account");
    CommentAuthor author = account != null
        ? new CommentAuthor.Local(account)
        : new CommentAuthor.Remote(H2Rows.uri(rows, "author_actor"));
    long parent = rows.getLong("parent_id");
    Optional<Long> parentId = rows.wasNull() ? Optional.empty() : Optional.of(parent);
    long root = rows.getLong("root_id");
    Optional<Long> rootId = rows.wasNull() ? Optional.empty() : Optional.of(root);
    Comment comment = new Comment(rows.getLong("id"), rows.getObject("video_uuid", UUID.class),
        H2Rows.optionalUri(rows, "remote_id"), author, rows.getString("content"), parentId, rootId,
        CommentStatus.valueOf(rows.getString("status")), H2Rows.instant(rows, "published_at"));
    return new Stored<>(comment, H2Rows.instant(rows, "created_at"), H2Rows.instant(rows, "updated_at"));
  }

  @Override
  public CompletionStage<Optional<Stored<Comment>>> find(long id) {
    return database.transaction(c -> selectOne(c, "id = ?", id));
  }

  @Override
  public CompletionStage<Optional<Stored<Comment>>> findByRemoteId(URI remoteId) {
    return database.transaction(c -> selectOne(c, "remote_id = ?", remoteId.toString()));
  }

  @Override
  public CompletionStage<Boolean> edit(long id, String content) {
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE video_comment SET content = ?, updated_at = ?"
          + " WHERE id = ? AND status <> 'DELETED'")) {
        update.setString(1, content);
        H2Rows.setInstant(update, 2, clock.instant());
        update.setLong(3, id);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public CompletionStage<Boolean> setStatus(long id, CommentStatus status) {
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE video_comment SET status = ?, updated_at = ?"
          + (status == CommentStatus.DELETED ? ", content = ''" : "") + " WHERE id = ? AND status <> 'DELETED'")) {
        update.setString(1, status.name());
        H2Rows.setInstant(update, 2, clock.instant());
        update.setLong(3, id);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public CompletionStage<Integer> deleteByAuthor(URI actor) {
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE video_comment SET status = 'DELETED', content = '',"
          + " updated_at = ? WHERE author_actor = ? AND status <> 'DELETED'")) {
        H2Rows.setInstant(update, 1, clock.instant());
        update.setString(2, actor.toString());
        return update.executeUpdate();
      }
    });
  }

  @Override
  public CompletionStage<Page<Stored<Comment>>> pageByVideo(UUID video, Set<CommentStatus> states, PageRequest page) {
    List<CommentStatus> wanted = List.copyOf(states);
    if (wanted.isEmpty()) {
      return CompletableFuture.completedFuture(Page.empty());
    }
    List<Object> filters = new ArrayList<>();
    filters.add(video);
    filters.addAll(wanted);
    return database.transaction(c -> page(wanted.size()).read(c, filters, page, H2CommentStore::read));
  }

  /**
   * Comments in {@code video_comment_page} order (video, id) with the states filtered on the way, so H2 stops after
   * the page. Filters: the video, then {@code states} statuses.
   */
  static H2Listing page(int states) {
    return new H2Listing("SELECT * FROM video_comment USE INDEX (video_comment_page) WHERE video_uuid = ?"
        + " AND status IN (" + String.join(", ", Collections.nCopies(states, "?")) + ")",
        ListingOrders.COMMENTS);
  }

  @Override
  public CompletionStage<Long> countByVideo(UUID video, CommentStatus status) {
    return database.transaction(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT COUNT(*) FROM video_comment WHERE video_uuid = ? AND status = ?")) {
        select.setObject(1, video);
        select.setString(2, status.name());
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }
}
