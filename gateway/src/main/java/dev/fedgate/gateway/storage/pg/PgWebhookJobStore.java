package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import dev.fedgate.gateway.storage.support.ListingOrders;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@link WebhookJobStore} on PostgreSQL: the common queue over {@code webhook_job}, and the {@code site_event} log. */
final class PgWebhookJobStore extends PgJobQueue<WebhookEvent> implements WebhookJobStore {
  /** Inbound events, oldest first. */
  private static final PgListing EVENTS =
      new PgListing("SELECT * FROM site_event WHERE TRUE", ListingOrders.EVENTS);
  /** The job and its logged event in one statement. Parameters: type, body, time. */
  private static final String INSERT_SQL = "WITH job AS (INSERT INTO webhook_job (event_type, body, state, attempts,"
      + " due_at, created_at) VALUES ($1, $2, 'QUEUED', 0, $3, $3) RETURNING id, event_type, body, created_at)"
      + " INSERT INTO site_event (id, event_type, body, created_at) SELECT id, event_type, body, created_at FROM job"
      + " RETURNING id";
  /**
   * The event alone, numbered by the job identity's sequence so that ids keep growing whether or not webhooks are
   * queued. Parameters: type, body, time.
   */
  private static final String LOG_ONLY_SQL = "INSERT INTO site_event (id, event_type, body, created_at)"
      + " VALUES (nextval(pg_get_serial_sequence('webhook_job', 'id')), $1, $2, $3) RETURNING id";

  private final boolean webhooks;

  /** {@code webhooks}: whether each logged event is queued as a webhook job too. */
  PgWebhookJobStore(PgDatabase database, InstantSource clock, boolean webhooks) {
    super(database, clock, "webhook_job", List.of("event_type", "body"));
    this.webhooks = webhooks;
  }

  @Override
  List<Object> payloadValues(WebhookEvent event) {
    return List.of(event.type(), event.json());
  }

  @Override
  WebhookEvent readPayload(Row row) {
    return new WebhookEvent(row.getString("event_type"), row.getString("body"));
  }

  @Override
  String insertSql() {
    return webhooks ? INSERT_SQL : LOG_ONLY_SQL;
  }

  @Override
  public CompletionStage<Page<SiteEvent>> events(PageRequest page) {
    // The cursor is decoded inside the call, so a malformed one fails the stage.
    return database.once(c -> EVENTS.read(c, List.of(), page,
        row -> new SiteEvent(new JobId(row.getLong("id")), readPayload(row), PgRows.instant(row, "created_at"))));
  }

  @Override
  public CompletionStage<Integer> pruneEvents(Instant before) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM site_event WHERE created_at < $1", before)
        .map(rows -> rows.rowCount()));
  }
}
