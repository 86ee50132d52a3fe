package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.vocab.activity.Block;
import io.vertx.core.Future;

/** {@code Block} of a local actor by a remote one: the blocker's follow of it ends (it must not receive us). */
final class BlockHandler implements ActivityHandler<Block> {
  private final LocalTargets targets;
  private final LocalActorStore localActors;
  private final FollowStore follows;
  private final SiteEvents events;

  BlockHandler(LocalTargets targets, LocalActorStore localActors, FollowStore follows, SiteEvents events) {
    this.targets = targets;
    this.localActors = localActors;
    this.follows = follows;
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Block block) {
    return LocalActors.find(targets, localActors, block.object().id()).compose(local -> local.isEmpty()
        ? Future.succeededFuture()
        : Future.fromCompletionStage(follows.remove(local.get().name(), delivery.actor()))
            .compose(removed -> events.send(SiteEvents.event("block.created", delivery.actor(), block.id())
                .put("localActor", local.get().name()).put("followRemoved", removed))));
  }
}
