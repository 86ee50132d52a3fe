package dev.fedgate.gateway.storage;

import java.util.Objects;

/** One webhook to the site: the event type (e.g. {@code follow.created}) and its JSON body. */
public record WebhookEvent(String type, String json) {
  /** Checks that every component is present. */
  public WebhookEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
  }
}
