package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Accept;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.json.VocabWriter;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Follow} of a local channel, account or the instance actor: stores the follower with its inboxes, then queues
 * an {@code Accept} (the Follow embedded, from the followed actor) to the follower's own inbox, where PeerTube and
 * Mastodon expect it. A repeated Follow re-sends the Accept (the follower may have lost the first); the site hears of
 * a new follower by webhook.
 */
final class FollowHandler implements ActivityHandler<Follow> {
  private final LocalTargets targets;
  private final LocalActorStore localActors;
  private final FollowStore follows;
  private final DeliveryJobStore deliveries;
  private final RemoteActorLoader actors;
  private final SiteEvents events;
  private final VocabWriter writer;

  FollowHandler(LocalTargets targets, LocalActorStore localActors, FollowStore follows, DeliveryJobStore deliveries,
      RemoteActorLoader actors, SiteEvents events, VocabWriter writer) {
    this.targets = targets;
    this.localActors = localActors;
    this.follows = follows;
    this.deliveries = deliveries;
    this.actors = actors;
    this.events = events;
    this.writer = writer;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Follow follow) {
    return LocalActors.find(targets, localActors, follow.object().id()).compose(local -> {
      if (local.isEmpty()) {
        return Future.succeededFuture();
      }
      URI followed = targets.urls().actor(local.get().kind(), local.get().name());
      return actors.load(delivery.actor(), delivery.budget()).compose(follower -> {
        dev.fedgate.gateway.storage.Follow stored = new dev.fedgate.gateway.storage.Follow(local.get().name(),
            follower.id(), follower.inbox(), follower.sharedInbox(), FollowState.ACCEPTED, follow.id());
        return Future.fromCompletionStage(follows.upsert(stored)).compose(result -> {
          if (result == UpsertResult.MISSING_REFERENCE) {
            return Future.succeededFuture();
          }
          Future<Void> accepted = queueAccept(local.get(), followed, follower, follow);
          return result == UpsertResult.CREATED
              ? accepted.compose(ignored -> events.send(SiteEvents.event("follow.created", follower.id(), follow.id())
                  .put("object", followed.toString()).put("localActor", local.get().name())))
              : accepted;
        });
      });
    });
  }

  private Future<Void> queueAccept(LocalActor local, URI followed, RemoteActor follower, Follow follow) {
    URI acceptId = acceptId(followed, follow.id());
    Accept accept = new Accept(Envelope.of(acceptId, followed, new Audience(List.of(follower.id()), List.of())),
        Ref.embed(follow));
    String json = new String(writer.write(accept), StandardCharsets.UTF_8);
    Delivery job = new Delivery(follower.inbox(), local.name(), acceptId, Optional.empty(), json);
    return Future.fromCompletionStage(deliveries.enqueueAll(List.of(job))).mapEmpty();
  }

  /** Stable per Follow, so a re-sent Accept has the id of the first and the follower de-duplicates it. */
  static URI acceptId(URI followed, URI followId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(followId.toString().getBytes(StandardCharsets.UTF_8));
      return URI.create(followed + "/accepts/follows/" + HexFormat.of().formatHex(hash, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
