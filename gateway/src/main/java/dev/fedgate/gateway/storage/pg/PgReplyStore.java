package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.ReplyStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.ListingOrders;
import dev.fedgate.gateway.storage.support.QueueLimits;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link ReplyStore} on PostgreSQL: one {@code account_reply} row per Note id, its jobs written by the queue. */
final class PgReplyStore implements ReplyStore {
  /** An account's replies, oldest first. Filter: account. */
  private static final PgListing PAGE = new PgListing("SELECT * FROM account_reply WHERE account = $1",
      ListingOrders.REPLIES);
  private final PgDatabase database;
  private final PgDeliveryJobStore deliveries;
  private final InstantSource clock;

  PgReplyStore(PgDatabase database, PgDeliveryJobStore deliveries, InstantSource clock) {
    this.database = database;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> add(Reply reply, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    return database.transaction(c -> PgLocalActorStore.kindOf(c, reply.account()).compose(kind -> {
      if (kind.filter(ActorKind.ACCOUNT::equals).isEmpty()) {
        return Future.succeededFuture(UpsertResult.MISSING_REFERENCE);
      }
      return PgDatabase.run(c, "INSERT INTO account_reply (account, note_id, in_reply_to, author, author_inbox,"
          + " content, published_at, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
          + " ON CONFLICT (note_id) DO NOTHING", reply.account(), reply.id(), reply.inReplyTo(), reply.author(),
          reply.authorInbox(), reply.content(), reply.published(), reply.state(), clock.instant())
          .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(UpsertResult.UNCHANGED)
              : insert(c, batch).map(UpsertResult.CREATED));
    }));
  }

  @Override
  public CompletionStage<Optional<Stored<Reply>>> find(URI id) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM account_reply WHERE note_id = $1", id)
        .map(rows -> PgRows.first(rows, PgReplyStore::read)));
  }

  @Override
  public CompletionStage<Boolean> delete(URI id, Instant at, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    return database.transaction(c -> PgDatabase.run(c, "UPDATE account_reply SET state = 'DELETED', updated_at = $1"
        + " WHERE note_id = $2 AND state = 'PUBLISHED'", at, id).compose(rows -> rows.rowCount() == 0
        ? Future.succeededFuture(false)
        : PgDeliveryJobStore.cancel(c, id).compose(cancelled -> insert(c, batch)).map(true)));
  }

  @Override
  public CompletionStage<Page<Stored<Reply>>> page(String account, PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE.read(c, List.of(account), page, PgReplyStore::read));
  }

  private Future<Void> insert(SqlClient c, List<Delivery> jobs) {
    return jobs.isEmpty() ? Future.succeededFuture() : deliveries.insert(c, jobs).mapEmpty();
  }

  private static Stored<Reply> read(Row row) {
    Reply reply = new Reply(row.getString("account"), PgRows.uri(row, "note_id"), PgRows.uri(row, "in_reply_to"),
        PgRows.uri(row, "author"), PgRows.uri(row, "author_inbox"), row.getString("content"),
        PgRows.instant(row, "published_at"), ReplyState.valueOf(row.getString("state")));
    return PgRows.stored(reply, row);
  }
}
