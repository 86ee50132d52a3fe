package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Queues the webhooks the site hears of inbound events, each a JSON object with {@code type}, {@code actor} (the
 * remote actor's id), the {@code activity} id and event-specific fields. Queued durably, delivered by the webhook
 * worker.
 */
public final class SiteEvents {
  private final WebhookJobStore store;

  /** Events queued in {@code store}. */
  public SiteEvents(WebhookJobStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** A new event body of {@code type} by {@code actor} about {@code activity}; add fields, then {@link #send}. */
  public static ObjectNode event(String type, URI actor, URI activity) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", type);
    body.put("actor", actor.toString());
    body.put("activity", activity.toString());
    return body;
  }

  /** Queues the event; completes once it is durable. */
  public Future<Void> send(ObjectNode body) {
    WebhookEvent event = new WebhookEvent(body.path("type").asText(), body.toString());
    return Future.fromCompletionStage(store.enqueueAll(List.of(event))).mapEmpty();
  }
}
