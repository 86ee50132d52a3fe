package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@link InboxStore} on PostgreSQL: de-duplication marks in {@code inbox_seen}, inserted with {@code ON CONFLICT DO
 * NOTHING} so of racing accepts exactly one inserts the mark (the others wait for its commit and insert nothing), and
 * the common queue over {@code inbox_item}. A single accept is a group of one.
 */
final class PgInboxStore extends PgClaimableQueue<InboundActivity> implements InboxStore {
  /**
   * Parameters: ids, recipients, signers, bodies (arrays in arrival order), now. Returns the arrival position (from 1)
   * of each queued activity.
   */
  private static final String ACCEPT_ALL = "WITH arrived AS ("
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY"
      + " AS a(activity_id, recipient, signer, body, ord)),"
      + " first AS (SELECT DISTINCT ON (activity_id) * FROM arrived ORDER BY activity_id, ord),"
      + " marked AS (INSERT INTO inbox_seen (activity_id, seen_at) SELECT activity_id, $5 FROM first"
      + " ORDER BY activity_id ON CONFLICT DO NOTHING RETURNING activity_id),"
      + " queued AS (INSERT INTO inbox_item (activity_id, recipient, signer, body, state, attempts, due_at, created_at)"
      + " SELECT f.activity_id, f.recipient, f.signer, f.body, 'QUEUED', 0, $5, $5 FROM first f"
      + " JOIN marked m ON m.activity_id = f.activity_id ORDER BY f.ord RETURNING activity_id)"
      + " SELECT f.ord::int AS ord FROM first f JOIN queued q ON q.activity_id = f.activity_id";

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
    return acceptAll(List.of(activity)).thenApply(answers -> answers.get(0));
  }

  /**
   * One statement (atomic on its own, so no explicit transaction), one round trip: the group's first occurrence of
   * each id is marked, in id order so that concurrent groups lock overlapping ids in one order and never deadlock (a
   * mark another transaction holds is waited for, then skipped), and the rows whose mark was inserted are queued in
   * arrival order.
   */
  @Override
  public CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
    List<InboundActivity> group = List.copyOf(activities);
    int size = group.size();
    String[] ids = new String[size];
    String[] recipients = new String[size];
    String[] signers = new String[size];
    String[] bodies = new String[size];
    for (int i = 0; i < size; i++) {
      InboundActivity activity = group.get(i);
      ids[i] = activity.activityId().toString();
      recipients[i] = activity.recipient().orElse(null);
      signers[i] = activity.signer().toString();
      bodies[i] = activity.json();
    }
    return database.once(c -> PgDatabase.run(c, ACCEPT_ALL, ids, recipients, signers, bodies, clock.instant())
        .map(rows -> {
          Set<Integer> queued = new HashSet<>();
          rows.forEach(row -> queued.add(row.getInteger("ord")));
          List<Boolean> answers = new ArrayList<>(size);
          for (int i = 1; i <= size; i++) {
            answers.add(queued.contains(i));
          }
          return answers;
        }));
  }

  @Override
  public CompletionStage<Integer> pruneSeen(Instant before) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM inbox_seen WHERE seen_at < $1", before)
        .map(rows -> rows.rowCount()));
  }
}
