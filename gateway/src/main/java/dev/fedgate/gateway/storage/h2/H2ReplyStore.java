package dev.fedgate.gateway.storage.h2;

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
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link ReplyStore} on H2: one {@code account_reply} row per Note id, its jobs written by the delivery queue. */
final class H2ReplyStore implements ReplyStore {
  /** An account's replies, oldest first. Filter: account. */
  static final H2Listing PAGE = new H2Listing(
      "SELECT * FROM account_reply USE INDEX (account_reply_page) WHERE account = ?",
      ListingOrders.REPLIES);
  private final H2Database database;
  private final H2DeliveryJobStore deliveries;
  private final InstantSource clock;

  H2ReplyStore(H2Database database, H2DeliveryJobStore deliveries, InstantSource clock) {
    this.database = database;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @Override
  public CompletionStage<UpsertResult> add(Reply reply, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    return database.transaction(c -> {
      if (H2LocalActorStore.kindOf(c, reply.account()).filter(kind -> kind == ActorKind.ACCOUNT).isEmpty()) {
        return UpsertResult.MISSING_REFERENCE;
      }
      // MERGE matches a concurrent first add's row instead of failing on the unique id.
      try (PreparedStatement merge = c.prepareStatement("MERGE INTO account_reply t"
          + " USING (VALUES (CAST(? AS VARCHAR))) s (note_id) ON t.note_id = s.note_id"
          + " WHEN NOT MATCHED THEN INSERT (account, note_id, in_reply_to, author, author_inbox, content,"
          + " published_at, state, created_at, updated_at) VALUES (?, s.note_id, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        merge.setString(1, reply.id().toString());
        merge.setString(2, reply.account());
        merge.setString(3, reply.inReplyTo().toString());
        merge.setString(4, reply.author().toString());
        merge.setString(5, reply.authorInbox().toString());
        merge.setString(6, reply.content());
        H2Rows.setInstant(merge, 7, reply.published());
        merge.setString(8, reply.state().name());
        Instant now = clock.instant();
        H2Rows.setInstant(merge, 9, now);
        H2Rows.setInstant(merge, 10, now);
        if (merge.executeUpdate() == 0) {
          return UpsertResult.UNCHANGED;
        }
      }
      deliveries.addAll(c, batch);
      return UpsertResult.CREATED;
    });
  }

  @Override
  public CompletionStage<Optional<Stored<Reply>>> find(URI id) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM account_reply WHERE note_id = ?")) {
        select.setString(1, id.toString());
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<Boolean> delete(URI id, Instant at, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE account_reply SET state = 'DELETED',"
          + " updated_at = ? WHERE note_id = ? AND state = 'PUBLISHED'")) {
        H2Rows.setInstant(update, 1, at);
        update.setString(2, id.toString());
        if (update.executeUpdate() == 0) {
          return false;
        }
      }
      H2DeliveryJobStore.cancel(c, id);
      deliveries.addAll(c, batch);
      return true;
    });
  }

  @Override
  public CompletionStage<Page<Stored<Reply>>> page(String account, PageRequest page) {
    return database.transaction(c -> PAGE.read(c, List.of(account), page, H2ReplyStore::read));
  }

  private static Stored<Reply> read(ResultSet rows) throws SQLException {
    Reply reply = new Reply(rows.getString("account"), H2Rows.uri(rows, "note_id"), H2Rows.uri(rows, "in_reply_to"),
        H2Rows.uri(rows, "author"), H2Rows.uri(rows, "author_inbox"), rows.getString("content"),
        H2Rows.instant(rows, "published_at"), ReplyState.valueOf(rows.getString("state")));
    return new Stored<>(reply, H2Rows.instant(rows, "created_at"), H2Rows.instant(rows, "updated_at"));
  }
}
