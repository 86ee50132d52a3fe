package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.PendingFederation;
import dev.fedgate.gateway.storage.support.ListingOrders;
import dev.fedgate.gateway.storage.support.QueueLimits;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link DeliveryJobStore} on PostgreSQL: the common queue over {@code delivery_job}, with host and object columns. */
final class PgDeliveryJobStore extends PgJobQueue<Delivery> implements DeliveryJobStore {
  /** A host's jobs in one state, oldest first, along {@code delivery_job_host}. Filters: host, state. */
  private static final PgListing PAGE_BY_HOST = new PgListing("SELECT * FROM delivery_job WHERE host = $1 AND state = $2",
      ListingOrders.DELIVERIES_BY_HOST);
  PgDeliveryJobStore(PgDatabase database, InstantSource clock) {
    super(database, clock, "delivery_job", List.of("inbox", "host", "signer", "activity_id", "object_id", "body"));
  }

  @Override
  List<Object> payloadValues(Delivery delivery) {
    return Arrays.asList(delivery.inbox(), delivery.host(), delivery.signer(), delivery.activityId(),
        delivery.objectId(), delivery.json());
  }

  @Override
  Delivery readPayload(Row row) {
    return new Delivery(PgRows.uri(row, "inbox"), row.getString("signer"), PgRows.uri(row, "activity_id"),
        PgRows.optionalUri(row, "object_id"), row.getString("body"));
  }

  @Override
  public CompletionStage<Integer> cancelForObject(URI objectId) {
    return database.once(c -> cancel(c, objectId));
  }

  /** {@link #cancelForObject} on {@code c}, inside the caller's transaction when it has one. */
  static Future<Integer> cancel(SqlClient c, URI objectId) {
    return PgDatabase.run(c, "DELETE FROM delivery_job WHERE object_id = $1 AND state = 'QUEUED'", objectId)
        .map(rows -> rows.rowCount());
  }

  @Override
  public CompletionStage<Page<Job<Delivery>>> pageByHost(String host, JobState state, PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> PAGE_BY_HOST.read(c, List.of(host, state), page, this::readJob));
  }

  @Override
  public CompletionStage<Integer> redrive(String host, Instant now) {
    return database.once(c -> PgDatabase.run(c, "UPDATE delivery_job SET state = 'QUEUED', attempts = 0, due_at = $1"
        + " WHERE host = $2 AND state = 'DEAD'", now, host).map(rows -> rows.rowCount()));
  }

  @Override
  public CompletionStage<Boolean> enqueueFederation(PendingFederation pending, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    // The DELETE locks the mark's row: a concurrent call waits, then finds it gone and queues nothing.
    return database.transaction(c -> PgDatabase.run(c, "DELETE FROM federation_pending WHERE subject_type = $1"
        + " AND subject_key = $2 AND version = $3", pending.subject().type(), pending.subject().key(),
        pending.version()).compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          return batch.isEmpty() ? Future.succeededFuture(true) : insert(c, batch).map(ids -> true);
        }));
  }

  @Override
  public CompletionStage<Optional<PendingFederation>> findPending(FederationSubject subject) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM federation_pending WHERE subject_type = $1"
        + " AND subject_key = $2", subject.type(), subject.key()).map(rows -> PgRows.first(rows, PgOutbox::read)));
  }

  @Override
  public CompletionStage<List<PendingFederation>> pendingFederations(Instant markedBefore, int max) {
    QueueLimits.checkPendingBatch(max);
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM federation_pending WHERE marked_at <= $1"
        + " ORDER BY version LIMIT $2", markedBefore, max).map(rows -> {
          List<PendingFederation> marks = new ArrayList<>(rows.size());
          rows.forEach(row -> marks.add(PgOutbox.read(row)));
          return marks;
        }));
  }
}
