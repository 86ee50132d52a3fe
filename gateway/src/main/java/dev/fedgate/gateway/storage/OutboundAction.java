package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;

/**
 * A local account's follow or like of something remote: the remote {@code object} (the followed actor, or the liked
 * object), the {@code inbox} its activities went to (so an {@code Undo} reaches the same place), the id of the
 * activity we sent (what an {@code Accept} names, and what an {@code Undo} embeds) and the state (a like is always
 * {@code ACCEPTED}).
 */
public record OutboundAction(
    String account, OutboundKind kind, URI object, URI inbox, URI activityId, FollowState state) {
  /** Checks that every component is present. */
  public OutboundAction {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(state, "state");
  }
}
