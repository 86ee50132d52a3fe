package dev.fedgate.testkit.peers;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code POST} a simulated inbox met with an {@link InboxFault}: the path, the activity (empty when the body was
 * not a JSON object), the fault and when it arrived by the instance's clock.
 */
public record FaultedPost(String path, Optional<JsonObject> activity, InboxFault fault, Instant at) {
  /** The activity's {@code type}, or empty. */
  public String type() {
    return activity.map(a -> a.getString("type", "")).orElse("");
  }
}
