package dev.fedgate.gateway.storage.h2;

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
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link DeliveryJobStore} on H2: the common queue over {@code delivery_job}, with host and object columns. */
final class H2DeliveryJobStore extends H2JobQueue<Delivery> implements DeliveryJobStore {
  /** A host's jobs in one state, read in {@code delivery_job_host} order. Parameters: host, state, after id, limit. */
  static final H2Listing PAGE_BY_HOST = new H2Listing(
      "SELECT * FROM delivery_job USE INDEX (delivery_job_host) WHERE host = ? AND state = ?",
      ListingOrders.DELIVERIES_BY_HOST);

  H2DeliveryJobStore(H2Database database, InstantSource clock) {
    super(database, clock, "delivery_job", List.of("inbox", "host", "signer", "activity_id", "object_id", "body"));
  }

  @Override
  void bindPayload(PreparedStatement statement, int first, Delivery delivery) throws SQLException {
    statement.setString(first, delivery.inbox().toString());
    statement.setString(first + 1, delivery.host());
    statement.setString(first + 2, delivery.signer());
    statement.setString(first + 3, delivery.activityId().toString());
    H2Rows.setOptional(statement, first + 4, delivery.objectId());
    statement.setString(first + 5, delivery.json());
  }

  @Override
  Delivery readPayload(ResultSet rows) throws SQLException {
    return new Delivery(H2Rows.uri(rows, "inbox"), rows.getString("signer"), H2Rows.uri(rows, "activity_id"),
        H2Rows.optionalUri(rows, "object_id"), rows.getString("body"));
  }

  @Override
  public CompletionStage<Integer> cancelForObject(URI objectId) {
    return database.transaction(c -> cancel(c, objectId));
  }

  /** {@link #cancelForObject} inside the caller's transaction. */
  static int cancel(Connection c, URI objectId) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM delivery_job WHERE object_id = ? AND state = 'QUEUED'")) {
      delete.setString(1, objectId.toString());
      return delete.executeUpdate();
    }
  }

  @Override
  public CompletionStage<Page<Job<Delivery>>> pageByHost(String host, JobState state, PageRequest page) {
    return database.transaction(c -> PAGE_BY_HOST.read(c, List.of(host, state), page, this::readJob));
  }

  @Override
  public CompletionStage<Integer> redrive(String host, Instant now) {
    return database.transaction(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE delivery_job SET state = 'QUEUED', attempts = 0,"
          + " due_at = ? WHERE host = ? AND state = 'DEAD'")) {
        H2Rows.setInstant(update, 1, now);
        update.setString(2, host);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public CompletionStage<Boolean> enqueueFederation(PendingFederation pending, List<Delivery> jobs) {
    List<Delivery> batch = QueueLimits.checkedBatch(jobs);
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM federation_pending"
          + " WHERE subject_type = ? AND subject_key = ? AND version = ?")) {
        H2Outbox.bindSubject(delete, 1, pending.subject());
        delete.setLong(3, pending.version());
        if (delete.executeUpdate() == 0) {
          return false;
        }
      }
      for (Delivery job : batch) {
        insert(c, job);
      }
      return true;
    });
  }

  @Override
  public CompletionStage<Optional<PendingFederation>> findPending(FederationSubject subject) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT * FROM federation_pending WHERE subject_type = ? AND subject_key = ?")) {
        H2Outbox.bindSubject(select, 1, subject);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(H2Outbox.read(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public CompletionStage<List<PendingFederation>> pendingFederations(Instant markedBefore, int max) {
    QueueLimits.checkPendingBatch(max);
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM federation_pending"
          + " WHERE marked_at <= ? ORDER BY version FETCH FIRST ? ROWS ONLY")) {
        H2Rows.setInstant(select, 1, markedBefore);
        select.setInt(2, max);
        List<PendingFederation> marks = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            marks.add(H2Outbox.read(rows));
          }
        }
        return marks;
      }
    });
  }
}
