package dev.fedgate.testkit.webhooks;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One webhook the sink received: its {@code webhook-id}, the body (empty when not a JSON object) and whether the
 * Standard Webhooks signature verified with the sink's secret within the timestamp tolerance.
 */
public record ReceivedWebhook(String id, Optional<JsonObject> body, boolean verified) {
  /** The event's {@code type} ({@code comment.created}, {@code video.views}, …), or empty. */
  public String type() {
    return body.map(b -> b.getString("type", "")).orElse("");
  }

  /** The event's {@code data}, or an empty object. */
  public JsonObject data() {
    return body.map(b -> b.getJsonObject("data", new JsonObject())).orElseGet(JsonObject::new);
  }
}
