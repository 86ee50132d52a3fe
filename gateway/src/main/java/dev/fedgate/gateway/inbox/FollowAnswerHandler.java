package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.activity.ObjectActivity;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code Accept} or {@code Reject} of a {@code Follow} a local account sent: found by the Follow's id, or (Follow
 * embedded without the id we gave it) by the account and the followed actor. Only the followed actor may answer: an
 * answer from anyone else, or of a follow we never sent, is ignored. An Accept makes the follow ACCEPTED, a Reject
 * removes it (Mastodon also uses Reject to end an established follow); the site hears of each change. One class
 * serves both because they differ only in what they do to the stored follow.
 *
 * @param <A> {@code Accept} or {@code Reject}
 */
final class FollowAnswerHandler<A extends ObjectActivity> implements ActivityHandler<A> {
  private final boolean accepts;
  private final LocalTargets targets;
  private final OutboundStore outbound;
  private final SiteEvents events;

  private FollowAnswerHandler(boolean accepts, LocalTargets targets, OutboundStore outbound, SiteEvents events) {
    this.accepts = accepts;
    this.targets = targets;
    this.outbound = outbound;
    this.events = events;
  }

  /** The handler of {@code Accept}. */
  static <A extends ObjectActivity> FollowAnswerHandler<A> accepting(LocalTargets targets, OutboundStore outbound,
      SiteEvents events) {
    return new FollowAnswerHandler<>(true, targets, outbound, events);
  }

  /** The handler of {@code Reject}. */
  static <A extends ObjectActivity> FollowAnswerHandler<A> rejecting(LocalTargets targets, OutboundStore outbound,
      SiteEvents events) {
    return new FollowAnswerHandler<>(false, targets, outbound, events);
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, A answer) {
    return ourFollow(answer).compose(found -> {
      Optional<OutboundAction> follow = found.map(Stored::value)
          .filter(f -> f.kind() == OutboundKind.FOLLOW && f.object().equals(delivery.actor()));
      if (follow.isEmpty()) {
        return Future.succeededFuture();
      }
      OutboundAction f = follow.get();
      Future<Boolean> changed = accepts
          ? f.state() == FollowState.ACCEPTED ? Future.succeededFuture(false)
              : Future.fromCompletionStage(outbound.setState(f.activityId(), FollowState.ACCEPTED))
          : Future.fromCompletionStage(outbound.remove(f.account(), OutboundKind.FOLLOW, f.object()));
      return changed.compose(done -> !done ? Future.succeededFuture()
          : events.send(SiteEvents.event(accepts ? "following.accepted" : "following.rejected", delivery.actor(),
              answer.id()).put("account", f.account()).put("follow", f.activityId().toString())));
    });
  }

  /** The follow the answer names: by the Follow's id, else by the embedded Follow's local actor and object. */
  private Future<Optional<Stored<OutboundAction>>> ourFollow(A answer) {
    return Future.fromCompletionStage(outbound.findByActivity(answer.object().id())).compose(byId -> {
      Optional<ApObject> embedded = answer.object().embedded();
      if (byId.isPresent() || embedded.isEmpty() || !(embedded.get() instanceof Follow follow)) {
        return Future.succeededFuture(byId);
      }
      return targets.actor(follow.actor().id())
          .map(local -> Future.fromCompletionStage(outbound.find(local.name(), OutboundKind.FOLLOW,
              follow.object().id())))
          .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    });
  }
}
