package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The durable queue of webhooks to the site, and the event log the site may poll instead. A job's {@link JobId} is
 * stable across retries, so it serves as the {@code webhook-id} the site de-duplicates on; {@link #enqueueAll} also
 * appends each event to the log, in the same transaction.
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
