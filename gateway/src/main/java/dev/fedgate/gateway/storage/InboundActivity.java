package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity the inbox accepted, as it waits to be processed: its id, the local actor whose inbox received it (empty
 * for the shared inbox), the verified signer (the key's owner), and the JSON body as received.
 */
public record InboundActivity(URI activityId, Optional<String> recipient, URI signer, String json) {
  /** Checks that every component is present. */
  public InboundActivity {
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(json, "json");
  }
}
