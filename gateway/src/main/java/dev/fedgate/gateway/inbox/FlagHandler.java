package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.activity.Flag;
import io.vertx.core.Future;

/**
 * {@code Flag}: a report, sent to the site (which moderates) by webhook with the reported ids and the reason. The
 * reason is plain text to the site; it is capped at Mastodon's 5000 characters.
 */
final class FlagHandler implements ActivityHandler<Flag> {
  /** Mastodon's cap on a report comment. */
  static final int MAX_CONTENT = 5000;

  private final SiteEvents events;

  FlagHandler(SiteEvents events) {
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Flag flag) {
    ObjectNode event = SiteEvents.event("report.created", delivery.actor(), flag.id());
    ArrayNode objects = event.putArray("objects");
    flag.objects().forEach(object -> objects.add(object.id().toString()));
    String content = flag.content().best().orElse("");
    event.put("content", content.length() > MAX_CONTENT ? content.substring(0, MAX_CONTENT) : content);
    return events.send(event);
  }
}
