package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link InboxStore} on PostgreSQL: de-duplication marks in {@code inbox_seen}, inserted with {@code ON CONFLICT DO
 * NOTHING} so of racing accepts exactly one inserts the mark (the others wait for its commit and insert nothing), and
 * the common queue over {@code inbox_item}.
 */
final class PgInboxStore extends PgClaimableQueue<InboundActivity> implements InboxStore {
  PgInboxStore(PgDatabase database, InstantSource clock) {
    super(database, clock, "inbox_item", List.of("activity_id", "recipient", "signer", "body"));
  }

  @Override
  List<Object> payloadValues(InboundActivity activity) {
    return Arrays.asList(activity.activityId(), activity.recipient(), activity.signer(), activity.json());
  }

  @Override
  InboundActivity readPayload(Row row) {
    return new InboundActivity(PgRows.uri(row, "activity_id"), PgRows.optionalString(row, "recipient"),
        PgRows.uri(row, "signer"), row.getString("body"));
  }

  @Override
  public CompletionStage<Boolean> accept(InboundActivity activity) {
    return database.transaction(c -> PgDatabase.run(c, "INSERT INTO inbox_seen (activity_id, seen_at)"
        + " VALUES ($1, $2) ON CONFLICT DO NOTHING", activity.activityId(), clock.instant())
        .compose(marked -> marked.rowCount() == 0
            ? Future.succeededFuture(false)
            : insert(c, List.of(activity)).map(ids -> true)));
  }

  @Override
  public CompletionStage<Integer> pruneSeen(Instant before) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM inbox_seen WHERE seen_at < $1", before)
        .map(rows -> rows.rowCount()));
  }
}
