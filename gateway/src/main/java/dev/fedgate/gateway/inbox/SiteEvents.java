package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import dev.fedgate.gateway.storage.support.GroupCommit;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Objects;

/**
 * Queues the webhooks the site hears of inbound events, each a JSON object with {@code type}, {@code actor} (the
 * remote actor's id), the {@code activity} id and event-specific fields. Queued durably, delivered by the webhook
 * worker. The events sent while an earlier write is in flight (the inbox worker handles a batch of activities at once)
 * are queued together in one transaction.
 */
public final class SiteEvents {
  /** Most events queued in one transaction. */
  static final int GROUP = 256;
  /** One group written at a time: the others wait and join the next, which keeps commits few. */
  private static final int WRITES = 1;

  private final GroupCommit<WebhookEvent, JobId> queued;

  /** Events queued in {@code store}. */
  public SiteEvents(WebhookJobStore store) {
    Objects.requireNonNull(store, "store");
    this.queued = new GroupCommit<>(GROUP, WRITES, store::enqueueAll);
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
    return Future.fromCompletionStage(queued.submit(event)).mapEmpty();
  }
}
