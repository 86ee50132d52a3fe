package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote actor following a local one: where to deliver to the follower (its own inbox, and its shared inbox when
 * it has one), the state, and the id of the {@code Follow} activity (embedded in the {@code Accept} we send back).
 */
public record Follow(
    String localActor, URI follower, URI inbox, Optional<URI> sharedInbox, FollowState state, URI activityId) {
  /** Checks that every component is present. */
  public Follow {
    Objects.requireNonNull(localActor, "localActor");
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(sharedInbox, "sharedInbox");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(activityId, "activityId");
  }
}
