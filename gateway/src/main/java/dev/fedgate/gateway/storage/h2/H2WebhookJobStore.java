package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import dev.fedgate.gateway.storage.support.ListingOrders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link WebhookJobStore} on H2: the common queue over {@code webhook_job}, and the {@code site_event} log. Jobs and
 * events are numbered by one sequence, {@code site_event_id}, so an event logged without a job takes its id from it.
 */
final class H2WebhookJobStore extends H2JobQueue<WebhookEvent> implements WebhookJobStore {
  /** Events after an id, in primary-key order. Parameters: after id, limit. */
  static final H2Listing EVENTS = new H2Listing("SELECT * FROM site_event WHERE TRUE",
      ListingOrders.EVENTS);

  private final boolean webhooks;

  /** {@code webhooks}: whether each logged event is queued as a webhook job too. */
  H2WebhookJobStore(H2Database database, InstantSource clock, boolean webhooks) {
    super(database, clock, "webhook_job", List.of("event_type", "body"));
    this.webhooks = webhooks;
  }

  @Override
  JobId add(Connection c, WebhookEvent event) throws SQLException {
    if (webhooks) {
      return insert(c, event);
    }
    try (PreparedStatement next = c.prepareStatement("SELECT NEXT VALUE FOR site_event_id");
        ResultSet rows = next.executeQuery()) {
      rows.next();
      JobId id = new JobId(rows.getLong(1));
      inserted(c, id, event, clock.instant());
      return id;
    }
  }

  @Override
  void bindPayload(Connection c, PreparedStatement statement, int first, WebhookEvent event) throws SQLException {
    statement.setString(first, event.type());
    statement.setString(first + 1, event.json());
  }

  @Override
  WebhookEvent readPayload(ResultSet rows) throws SQLException {
    return readEventColumns(rows);
  }

  /** The event columns, named alike in {@code webhook_job} and {@code site_event}. */
  private static WebhookEvent readEventColumns(ResultSet rows) throws SQLException {
    return new WebhookEvent(rows.getString("event_type"), rows.getString("body"));
  }

  @Override
  void inserted(Connection c, JobId id, WebhookEvent event, Instant at) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO site_event (id, event_type, body, created_at) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, id.value());
      insert.setString(2, event.type());
      insert.setString(3, event.json());
      H2Rows.setInstant(insert, 4, at);
      insert.executeUpdate();
    }
  }

  @Override
  public CompletionStage<Page<SiteEvent>> events(PageRequest page) {
    return database.transaction(c -> EVENTS.read(c, List.of(), page, H2WebhookJobStore::readEvent));
  }

  private static SiteEvent readEvent(ResultSet rows) throws SQLException {
    return new SiteEvent(new JobId(rows.getLong("id")), readEventColumns(rows), H2Rows.instant(rows, "created_at"));
  }

  @Override
  public CompletionStage<Integer> pruneEvents(Instant before) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM site_event WHERE created_at < ?")) {
        H2Rows.setInstant(delete, 1, before);
        return delete.executeUpdate();
      }
    });
  }
}
