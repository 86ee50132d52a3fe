package dev.fedgate.gateway.storage;

/**
 * The durable queue of webhooks to the site. A job's {@link JobId} is stable across retries, so it serves as the
 * {@code webhook-id} the site de-duplicates on.
 */
public interface WebhookJobStore extends JobQueue<WebhookEvent> {}
