package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An event for the site as the polling API serves it; {@code id} is the id of the webhook job that carries it, so
 * a site that both receives webhooks and polls can de-duplicate on one id.
 */
public record SiteEvent(JobId id, WebhookEvent event, Instant createdAt) {
  /** Checks that every component is present. */
  public SiteEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
