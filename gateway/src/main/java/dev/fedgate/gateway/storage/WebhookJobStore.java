package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The durable queue of webhooks to the site, and the event log the site may poll instead. A job's {@link JobId} is
 * stable across retries, so it serves as the {@code webhook-id} the site de-duplicates on; {@link #enqueueAll} also
 * appends each event to the log, in the same transaction, under the same id.
 *
 * <p>A backend opened with {@link StorageSettings#webhooks()} false (no webhook URL configured, so no worker would
 * ever claim a job) logs each event only: {@link #enqueueAll} returns the logged events' ids and queues nothing. Event
 * ids come from one sequence either way, so they keep growing when webhooks are switched on or off.
 */
public interface WebhookJobStore extends JobQueue<WebhookEvent> {

  /**
   * The logged events after a cursor, oldest first, keyset-paged; for {@code GET /api/v1/events?after=<cursor>}.
   * Events stay in the log after their webhook is delivered, until {@link #pruneEvents} removes them.
   */
  CompletionStage<Page<SiteEvent>> events(PageRequest page);

  /**
   * Removes logged events created before {@code before}, so the log stays bounded; queued webhooks are not
   * affected. Called periodically. Idempotent.
   *
   * @return how many events were removed
   */
  CompletionStage<Integer> pruneEvents(Instant before);
}
