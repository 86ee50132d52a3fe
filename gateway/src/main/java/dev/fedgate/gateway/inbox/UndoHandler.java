package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.activity.Announce;
import dev.fedgate.vocab.activity.Dislike;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.activity.Undo;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Undo} of a Follow (the follower is removed), or of a Like, Dislike or Announce of a local video (the
 * interaction is removed). The undone activity must be embedded (Mastodon and PeerTube embed it) and be the same
 * actor's; anything else is ignored. Idempotent; the site hears of each removal.
 */
final class UndoHandler implements ActivityHandler<Undo> {
  private final LocalTargets targets;
  private final LocalActorStore localActors;
  private final FollowStore follows;
  private final InteractionStore interactions;
  private final SiteEvents events;

  UndoHandler(LocalTargets targets, LocalActorStore localActors, FollowStore follows, InteractionStore interactions,
      SiteEvents events) {
    this.targets = targets;
    this.localActors = localActors;
    this.follows = follows;
    this.interactions = interactions;
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Undo undo) {
    Optional<ApObject> embedded = undo.object().embedded();
    if (embedded.isEmpty() || !(embedded.get() instanceof ObjectActivity undone)
        || !undone.actor().id().equals(delivery.actor())) {
      return Future.succeededFuture();
    }
    if (undone instanceof Follow) {
      return LocalActors.find(targets, localActors, undone.object().id()).compose(local -> local.isEmpty()
          ? Future.succeededFuture()
          : Future.fromCompletionStage(follows.remove(local.get().name(), delivery.actor())).compose(removed ->
              removed ? events.send(SiteEvents.event("follow.deleted", delivery.actor(), undo.id())
                  .put("localActor", local.get().name())) : Future.succeededFuture()));
    }
    Optional<InteractionKind> kind = undone instanceof Like ? Optional.of(InteractionKind.LIKE)
        : undone instanceof Dislike ? Optional.of(InteractionKind.DISLIKE)
        : undone instanceof Announce ? Optional.of(InteractionKind.SHARE) : Optional.empty();
    Optional<UUID> video = targets.video(undone.object().id());
    if (kind.isEmpty() || video.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(interactions.remove(video.get(), delivery.actor(), kind.get()))
        .compose(removed -> removed
            ? events.send(SiteEvents.event(InteractionHandler.eventType(kind.get(), "deleted"), delivery.actor(),
                undo.id()).put("video", video.get().toString()))
            : Future.succeededFuture());
  }
}
