package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.outbox.RequestAnswers;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.vocab.activity.Follow;
import io.vertx.core.Future;
import java.net.URI;

/**
 * {@code Follow} of a local channel, account or the instance actor: stores the follower with its inboxes, then queues
 * an {@code Accept} (the Follow embedded, from the followed actor) to the follower's own inbox, where PeerTube and
 * Mastodon expect it. A repeated Follow re-sends the Accept (the follower may have lost the first); the site hears of
 * a new follower by webhook. An account or channel that approves followers manually keeps a new follow
 * {@code PENDING}, sends nothing, and the site hears of the request; a follow accepted before stays accepted.
 */
final class FollowHandler implements ActivityHandler<Follow> {
  private final LocalTargets targets;
  private final LocalActorStore localActors;
  private final FollowStore follows;
  private final RequestAnswers answers;
  private final RemoteActorLoader actors;
  private final SiteEvents events;

  FollowHandler(LocalTargets targets, LocalActorStore localActors, FollowStore follows, RequestAnswers answers,
      RemoteActorLoader actors, SiteEvents events) {
    this.targets = targets;
    this.localActors = localActors;
    this.follows = follows;
    this.answers = answers;
    this.actors = actors;
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Follow follow) {
    return LocalActors.find(targets, localActors, follow.object().id()).compose(local -> local.isEmpty()
        ? Future.succeededFuture()
        : actors.load(delivery.actor(), delivery.budget()).compose(follower -> manualApproval(local.get())
            .compose(manual -> Future.fromCompletionStage(follows.find(local.get().name(), follower.id()))
                .compose(existing -> {
                  boolean accepted = existing.map(s -> s.value().state() == FollowState.ACCEPTED).orElse(!manual);
                  return store(local.get(), follower, follow.id(),
                      accepted ? FollowState.ACCEPTED : FollowState.PENDING);
                }))));
  }

  private Future<Void> store(LocalActor local, RemoteActor follower, URI followId, FollowState state) {
    dev.fedgate.gateway.storage.Follow stored = new dev.fedgate.gateway.storage.Follow(local.name(), follower.id(),
        follower.inbox(), follower.sharedInbox(), state, followId);
    return Future.fromCompletionStage(follows.upsert(stored)).compose(result -> {
      if (result == UpsertResult.MISSING_REFERENCE) {
        return Future.succeededFuture();
      }
      Future<Void> answered = state == FollowState.ACCEPTED
          ? Future.fromCompletionStage(answers.acceptFollow(local, stored)) : Future.succeededFuture();
      if (result != UpsertResult.CREATED) {
        return answered;
      }
      String type = state == FollowState.ACCEPTED ? "follow.created" : "follow.requested";
      URI followed = targets.urls().actor(local.kind(), local.name());
      return answered.compose(ignored -> events.send(SiteEvents.event(type, follower.id(), followId)
          .put("object", followed.toString()).put("localActor", local.name())));
    });
  }

  /** Whether the followed account or channel approves followers itself; the instance actor never does. */
  private Future<Boolean> manualApproval(LocalActor local) {
    if (local.kind() == ActorKind.CHANNEL) {
      return Future.fromCompletionStage(localActors.findChannel(local.name()))
          .map(found -> found.map(Stored::value).map(Channel::manuallyApprovesFollowers).orElse(false));
    }
    if (local.kind() == ActorKind.ACCOUNT) {
      return Future.fromCompletionStage(localActors.findAccount(local.name()))
          .map(found -> found.map(Stored::value).map(Account::manuallyApprovesFollowers).orElse(false));
    }
    return Future.succeededFuture(false);
  }
}
