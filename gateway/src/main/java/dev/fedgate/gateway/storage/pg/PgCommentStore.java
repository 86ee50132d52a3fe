package dev.fedgate.gateway.storage.pg;

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
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link CommentStore} on PostgreSQL: {@code video_comment} rows; the author is a local account or a remote actor. */
final class PgCommentStore implements CommentStore {
  /** A video's comments in some states, oldest first, along {@code video_comment_page}. Filters: video, states. */
  private static final PgListing PAGE = new PgListing("SELECT * FROM video_comment WHERE video_uuid = $1"
      + " AND status = ANY($2)", ListingOrders.COMMENTS);
  private final PgDatabase database;
  private final InstantSource clock;

  PgCommentStore(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A racing add of one remote id fails on its unique key; the transaction runs again and finds the stored one. */
  @Override
  public CompletionStage<Optional<Stored<Comment>>> add(NewComment comment) {
    return database.transaction(c -> addIn(c, comment));
  }

  /** Added in order on the transaction's connection; a lost race runs the whole group again, as for one add. */
  @Override
  public CompletionStage<List<Optional<Stored<Comment>>>> addAll(List<NewComment> comments) {
    return database.transaction(c -> {
      List<Optional<Stored<Comment>>> added = new ArrayList<>(comments.size());
      Future<Void> sofar = Future.succeededFuture();
      for (NewComment comment : comments) {
        sofar = sofar.compose(ignored -> addIn(c, comment)).map(stored -> {
          added.add(stored);
          return null;
        });
      }
      return sofar.map(done -> List.copyOf(added));
    });
  }

  private Future<Optional<Stored<Comment>>> addIn(SqlClient c, NewComment comment) {
    Future<Optional<Stored<Comment>>> existing = comment.remoteId().isPresent()
        ? selectOne(c, "remote_id = $1", comment.remoteId().get())
        : Future.succeededFuture(Optional.empty());
    return existing.compose(found -> found.isPresent()
        ? Future.succeededFuture(found)
        : PgVideoStore.isLive(c, comment.video()).compose(live -> authorExists(c, comment.author())
            .compose(author -> live && author ? addChecked(c, comment) : Future.succeededFuture(Optional.empty()))));
  }

  private Future<Optional<Stored<Comment>>> addChecked(SqlClient c, NewComment comment) {
    if (comment.parent().isEmpty()) {
      return insert(c, comment, Optional.empty()).map(Optional::of);
    }
    return selectOne(c, "id = $1", comment.parent().get()).compose(parent -> {
      if (parent.isEmpty() || !parent.get().value().video().equals(comment.video())) {
        return Future.succeededFuture(Optional.empty());
      }
      Comment value = parent.get().value();
      return insert(c, comment, Optional.of(value.root().orElse(value.id()))).map(Optional::of);
    });
  }

  private Future<Stored<Comment>> insert(SqlClient c, NewComment comment, Optional<Long> root) {
    Instant now = clock.instant();
    return PgDatabase.run(c, "INSERT INTO video_comment (video_uuid, remote_id, author_account, author_actor,"
        + " content, parent_id, root_id, status, published_at, created_at, updated_at)"
        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        comment.video(), comment.remoteId(),
        comment.author() instanceof CommentAuthor.Local local ? local.account() : null,
        comment.author() instanceof CommentAuthor.Remote remote ? remote.actor() : null,
        comment.content(), comment.parent(), root, comment.status(), comment.publishedAt(), now)
        .map(rows -> new Stored<>(new Comment(rows.iterator().next().getLong("id"), comment.video(),
            comment.remoteId(), comment.author(), comment.content(), comment.parent(), root, comment.status(),
            comment.publishedAt()), now, now));
  }

  private static Future<Boolean> authorExists(SqlClient c, CommentAuthor author) {
    return author instanceof CommentAuthor.Local local
        ? PgLocalActorStore.kindOf(c, local.account()).map(kind -> kind.filter(ActorKind.ACCOUNT::equals).isPresent())
        : Future.succeededFuture(true);
  }

  private static Future<Optional<Stored<Comment>>> selectOne(SqlClient c, String where, Object value) {
    return PgDatabase.run(c, "SELECT * FROM video_comment WHERE " + where, value)
        .map(rows -> PgRows.first(rows, PgCommentStore::read));
  }

  private static Stored<Comment> read(Row row) {
    String account = row.getString("author_account");
    CommentAuthor author = account != null
        ? new CommentAuthor.Local(account)
        : new CommentAuthor.Remote(PgRows.uri(row, "author_actor"));
    Comment comment = new Comment(row.getLong("id"), row.getUUID("video_uuid"), PgRows.optionalUri(row, "remote_id"),
        author, row.getString("content"), PgRows.optionalLong(row, "parent_id"), PgRows.optionalLong(row, "root_id"),
        CommentStatus.valueOf(row.getString("status")), PgRows.instant(row, "published_at"));
    return PgRows.stored(comment, row);
  }

  @Override
  public CompletionStage<Optional<Stored<Comment>>> find(long id) {
    return database.once(c -> selectOne(c, "id = $1", id));
  }

  @Override
  public CompletionStage<Optional<Stored<Comment>>> findByRemoteId(URI remoteId) {
    return database.once(c -> selectOne(c, "remote_id = $1", remoteId));
  }

  @Override
  public CompletionStage<Boolean> edit(long id, String content) {
    Instant now = clock.instant();
    return database.once(c -> PgDatabase.run(c, "UPDATE video_comment SET content = $1, updated_at = $2"
        + " WHERE id = $3 AND status <> 'DELETED'", content, now, id).map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Boolean> setStatus(long id, CommentStatus status) {
    Instant now = clock.instant();
    return database.once(c -> PgDatabase.run(c, "UPDATE video_comment SET status = $1, updated_at = $2"
        + (status == CommentStatus.DELETED ? ", content = ''" : "") + " WHERE id = $3 AND status <> 'DELETED'",
        status, now, id).map(rows -> rows.rowCount() == 1));
  }

  @Override
  public CompletionStage<Integer> deleteByAuthor(URI actor) {
    Instant now = clock.instant();
    return database.once(c -> PgDatabase.run(c, "UPDATE video_comment SET status = 'DELETED', content = '',"
        + " updated_at = $1 WHERE author_actor = $2 AND status <> 'DELETED'", now, actor)
        .map(rows -> rows.rowCount()));
  }

  @Override
  public CompletionStage<Page<Stored<Comment>>> pageByVideo(UUID video, Set<CommentStatus> states, PageRequest page) {
    if (states.isEmpty()) {
      return CompletableFuture.completedFuture(Page.empty());
    }
    String[] wanted = states.stream().map(CommentStatus::name).toArray(String[]::new);
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(video, wanted), page, PgCommentStore::read));
  }

  @Override
  public CompletionStage<Long> countByVideo(UUID video, CommentStatus status) {
    return database.once(c -> PgDatabase.run(c,
        "SELECT COUNT(*) FROM video_comment WHERE video_uuid = $1 AND status = $2", video, status).map(PgRows::count));
  }
}
