package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DeliveryJobStore} on H2: the common queue over {@code delivery_job}, whose rows hold where a job goes. The
 * jobs queued in one batch share one row of {@code delivery_activity} for each distinct activity they deliver (a
 * fan-out's thousands of jobs, one): its body, id, object and signer. {@link #SWEEP_ACTIVITIES} deletes an activity
 * once no job points to it.
 */
final class H2DeliveryJobStore extends H2JobQueue<Delivery> implements DeliveryJobStore {
  /** Jobs with their activities. */
  static final String ROWS = "delivery_job JOIN delivery_activity USING (activity_key)";
  /** A host's jobs in one state, read in {@code delivery_job_host} order. Parameters: host, state, after id, limit. */
  static final H2Listing PAGE_BY_HOST = new H2Listing(
      "SELECT * FROM delivery_job USE INDEX (delivery_job_host) JOIN delivery_activity USING (activity_key)"
          + " WHERE host = ? AND state = ?",
      ListingOrders.DELIVERIES_BY_HOST);
  /** How often activities no job points to any more are deleted: they only take room until then. */
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  /** The activities no job points to, each checked along {@code delivery_job_activity}. */
  static final String SWEEP_ACTIVITIES_SQL = "DELETE FROM delivery_activity WHERE NOT EXISTS"
      + " (SELECT 1 FROM delivery_job WHERE delivery_job.activity_key = delivery_activity.activity_key)";
  /** Queued jobs of the activities about one object, found along {@code delivery_activity_object}. Parameter: object. */
  static final String CANCEL_SQL = "DELETE FROM delivery_job WHERE state = 'QUEUED' AND activity_key IN"
      + " (SELECT activity_key FROM delivery_activity WHERE object_id = ?)";
  /**
   * Deletes the activities no job points to. An activity is shared only by the jobs queued in its own transaction,
   * which become visible together with it, so an activity seen without jobs will never get one.
   */
  static final H2Database.Work<Void> SWEEP_ACTIVITIES = c -> {
    try (PreparedStatement delete = c.prepareStatement(SWEEP_ACTIVITIES_SQL)) {
      delete.executeUpdate();
    }
    return null;
  };

  /** What a job delivers, as one row of {@code delivery_activity} holds it. */
  private record Activity(String signer, URI activityId, Optional<URI> objectId, String json) {
    static Activity of(Delivery delivery) {
      return new Activity(delivery.signer(), delivery.activityId(), delivery.objectId(), delivery.json());
    }
  }

  /** The activities stored so far by each batch being added, by its connection (one batch, one transaction). */
  private final Map<Connection, Map<Activity, Long>> batchActivities = new ConcurrentHashMap<>();

  H2DeliveryJobStore(H2Database database, InstantSource clock) {
    super(database, clock, "delivery_job", List.of("inbox", "host", "activity_key"));
  }

  @Override
  String rows() {
    return ROWS;
  }

  @Override
  List<JobId> addAll(Connection c, List<Delivery> batch) throws SQLException {
    batchActivities.put(c, new HashMap<>());
    try {
      return super.addAll(c, batch);
    } finally {
      batchActivities.remove(c);
    }
  }

  @Override
  void bindPayload(Connection c, PreparedStatement statement, int first, Delivery delivery) throws SQLException {
    statement.setString(first, delivery.inbox().toString());
    statement.setString(first + 1, delivery.host());
    statement.setLong(first + 2, activityKey(c, Activity.of(delivery)));
  }

  /** The row for {@code activity}: the one this batch already stored, else a new one. */
  private long activityKey(Connection c, Activity activity) throws SQLException {
    Map<Activity, Long> stored = batchActivities.get(c);
    Long known = stored == null ? null : stored.get(activity);
    if (known != null) {
      return known;
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery_activity"
        + " (signer, activity_id, object_id, body) VALUES (?, ?, ?, ?)", new String[] {"activity_key"})) {
      insert.setString(1, activity.signer());
      insert.setString(2, activity.activityId().toString());
      H2Rows.setOptional(insert, 3, activity.objectId());
      insert.setString(4, activity.json());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        long key = keys.getLong(1);
        if (stored != null) {
          stored.put(activity, key);
        }
        return key;
      }
    }
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
    try (PreparedStatement delete = c.prepareStatement(CANCEL_SQL)) {
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
      addAll(c, batch);
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
