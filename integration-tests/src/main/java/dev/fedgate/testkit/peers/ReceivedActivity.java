package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One {@code POST} a simulated inbox received: the path it came to ({@code /inbox} is the shared inbox), its headers,
 * the activity (empty when the body was not a JSON object) and what checking its signature found.
 */
public record ReceivedActivity(String path, HttpHeaders headers, Optional<JsonObject> activity,
    VerificationResult verification) {

  /** Whether the signature verified with the signer's fetched key. */
  public boolean verified() {
    return verification instanceof Verified;
  }

  /** The activity's {@code type}, or empty. */
  public String type() {
    return activity.map(a -> a.getString("type", "")).orElse("");
  }

  /** The activity's {@code object}'s {@code type} when embedded, or empty. */
  public String objectType() {
    return activity.map(a -> a.getValue("object")).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .map(o -> o.getString("type", "")).orElse("");
  }
}
