package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/** One actor's like, dislike or share of a local video, with the id of the activity that made it. */
public record Interaction(UUID video, URI actor, InteractionKind kind, URI activityId) {
  /** Checks that every component is present. */
  public Interaction {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(activityId, "activityId");
  }
}
