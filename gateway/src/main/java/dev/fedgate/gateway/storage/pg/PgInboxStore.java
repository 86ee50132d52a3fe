package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobState;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@link InboxStore} on PostgreSQL: de-duplication marks in {@code inbox_seen}, inserted with {@code ON CONFLICT DO
 * NOTHING} so of racing accepts exactly one inserts the mark (the others wait for its commit and insert nothing), and
 * the common queue over {@code inbox_item}. A single accept is a group of one.
 */
final class PgInboxStore extends PgClaimableQueue<InboundActivity> implements InboxStore {
  /**
   * Parameters: ids, recipients, signers, bodies (arrays in arrival order), now, then the lease's token and end (both
   * NULL for none) and the attempts counted (1 with a lease, else 0). Returns the arrival position (from 1) and the
   * job id of each queued activity.
   */
  private static final String ACCEPT_ALL = "WITH arrived AS ("
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY"
      + " AS a(activity_id, recipient, signer, body, ord)),"
      + " first AS (SELECT DISTINCT ON (activity_id) * FROM arrived ORDER BY activity_id, ord),"
      + " marked AS (INSERT INTO inbox_seen (activity_id, seen_at) SELECT activity_id, $5 FROM first"
      + " ORDER BY activity_id ON CONFLICT DO NOTHING RETURNING activity_id),"
      + " queued AS (INSERT INTO inbox_item (activity_id, recipient, signer, body, state, attempts, due_at, created_at,"
      + " lease_token, lease_until)"
      + " SELECT f.activity_id, f.recipient, f.signer, f.body, 'QUEUED', $8::int, $5, $5, $6::uuid, $7::timestamptz"
      + " FROM first f"
      + " JOIN marked m ON m.activity_id = f.activity_id ORDER BY f.ord RETURNING id, activity_id)"
      + " SELECT f.ord::int AS ord, q.id FROM first f JOIN queued q ON q.activity_id = f.activity_id";

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

  @Override
  public CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
    return accept(activities, null, null)
        .thenApply(InboxStore.Acceptance::queuedFlags);
  }

  @Override
  public CompletionStage<List<InboxStore.Acceptance>> acceptAllLeased(List<InboundActivity> activities, Instant now,
      Duration lease) {
    ClaimableQueue.checkLease(lease);
    return accept(activities, UUID.randomUUID(), now.plus(lease));
  }

  /**
   * One statement (atomic on its own, so no explicit transaction), one round trip: the group's first occurrence of
   * each id is marked, in id order so that concurrent groups lock overlapping ids in one order and never deadlock (a
   * mark another transaction holds is waited for, then skipped), and the rows whose mark was inserted are queued in
   * arrival order, leased under {@code token} until {@code until} when a token is given.
   */
  private CompletionStage<List<InboxStore.Acceptance>> accept(List<InboundActivity> activities, UUID token,
      Instant until) {
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
    Instant now = clock.instant();
    int attempts = token == null ? 0 : 1;
    return database.once(c -> PgDatabase.run(c, ACCEPT_ALL, ids, recipients, signers, bodies, now, token, until,
        attempts).map(rows -> {
          Map<Integer, JobId> queued = new HashMap<>();
          rows.forEach(row -> queued.put(row.getInteger("ord"), new JobId(row.getLong("id"))));
          List<InboxStore.Acceptance> answers = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            JobId id = queued.get(i + 1);
            if (id == null) {
              answers.add(InboxStore.Acceptance.SEEN);
            } else if (token == null) {
              answers.add(InboxStore.Acceptance.QUEUED);
            } else {
              Instant at = now.truncatedTo(ChronoUnit.MICROS);
              answers.add(InboxStore.Acceptance.leased(new Job<>(id, JobState.QUEUED, attempts, at, at,
                  Optional.empty(), Optional.of(new JobLease(id, token, until.truncatedTo(ChronoUnit.MICROS))),
                  group.get(i))));
            }
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
