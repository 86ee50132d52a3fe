package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.mapping.ActivityMapper;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.mapping.VideoMapper;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.PendingFederation;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import dev.fedgate.vocab.ApObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Publisher} that renders each activity once and queues one unsigned delivery job per distinct target
 * inbox (a follower's shared inbox when it has one), all in one {@code enqueueFederation} with the removal of the
 * change's mark, so a change is either fully queued, once, or not at all. Jobs are signed at send time by the local
 * actor named as their signer: the channel for its videos, the instance actor for its {@code Announce}, the actor
 * itself for its profile {@code Update}.
 */
public final class QueueingPublisher implements Publisher {
  private final LocalUrls urls;
  private final StorageBackend storage;
  private final LocalObjects objects;
  private final VideoMapper videos;
  private final ActivityMapper activities;
  private final DeliveryQueue queue;

  /** Queues into {@code storage}'s delivery jobs; actor documents come from {@code objects}, ids from {@code urls}. */
  public QueueingPublisher(LocalUrls urls, StorageBackend storage, LocalObjects objects) {
    this.urls = Objects.requireNonNull(urls, "urls");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.videos = new VideoMapper(urls);
    this.activities = new ActivityMapper(urls);
    this.queue = new DeliveryQueue(storage.deliveryJobs());
  }

  @Override
  public CompletionStage<Boolean> federate(PendingFederation pending) {
    String key = pending.subject().key();
    CompletionStage<List<Delivery>> jobs;
    if (pending.subject().type() == FederationSubject.Type.ACTOR) {
      jobs = storage.localActors().findActor(key).thenCompose(actor -> actor.isEmpty()
          ? none() : actorUpdated(actor.get()));
    } else if (pending.change() == FederationChange.DELETED) {
      jobs = storage.videos().findTombstone(UUID.fromString(key)).thenCompose(tombstone -> tombstone.isEmpty()
          ? none() : videoDeleted(tombstone.get()));
    } else {
      // A video gone since the mark was read was deleted: the Delete's newer mark supersedes this one.
      jobs = storage.videos().find(UUID.fromString(key)).thenCompose(video -> video.isEmpty() ? none()
          : pending.change() == FederationChange.CREATED ? videoPublished(video.get()) : videoUpdated(video.get()));
    }
    return jobs.thenCompose(deliveries -> storage.deliveryJobs().enqueueFederation(pending, deliveries));
  }

  /** {@code Update} of the actor, by itself, to its followers. */
  private CompletionStage<List<Delivery>> actorUpdated(LocalActor actor) {
    return objects.actor(actor).thenCompose(found -> {
      if (found.isEmpty()) {
        return none();
      }
      ApObject update = activities.updateActor(found.get().actor(), found.get().changedAt());
      return storage.follows().deliveryInboxes(List.of(actor.name())).thenApply(inboxes ->
          jobs(inboxes, actor.name(), update, Optional.of(found.get().actor().id())));
    });
  }

  /**
   * {@code Create} by the channel to the followers of the channel and its account; {@code Announce} by the instance
   * actor to its followers that do not already get the {@code Create} (one activity per inbox is enough to mirror).
   */
  private CompletionStage<List<Delivery>> videoPublished(Stored<Video> video) {
    String channel = video.value().channel();
    URI id = urls.video(video.value().uuid());
    return account(channel).thenCompose(account -> {
      dev.fedgate.vocab.peertube.Video rendered = render(video, account);
      List<String> owners = List.of(channel, account.get());
      CompletionStage<Set<URI>> toOwners = storage.follows().deliveryInboxes(owners);
      CompletionStage<Set<URI>> toAll = storage.follows().deliveryInboxes(audience(channel, account));
      return toOwners.thenCombine(toAll, (ownerInboxes, allInboxes) -> {
        List<URI> announceInboxes = new ArrayList<>(allInboxes);
        announceInboxes.removeAll(ownerInboxes);
        List<Delivery> jobs = new ArrayList<>(jobs(ownerInboxes, channel,
            activities.create(rendered, channel), Optional.of(id)));
        jobs.addAll(jobs(announceInboxes, LocalUrls.INSTANCE_ACTOR_NAME, activities.announce(id), Optional.of(id)));
        return jobs;
      });
    });
  }

  /** {@code Update} by the channel to all its creation reached: the channel's, account's, instance's followers. */
  private CompletionStage<List<Delivery>> videoUpdated(Stored<Video> video) {
    String channel = video.value().channel();
    return account(channel).thenCompose(account -> {
      dev.fedgate.vocab.peertube.Video rendered = render(video, account);
      return storage.follows().deliveryInboxes(audience(channel, account)).thenApply(inboxes ->
          jobs(inboxes, channel, activities.update(rendered, channel), Optional.of(rendered.id())));
    });
  }

  /**
   * Cancels the video's queued {@code Create}/{@code Update}/{@code Announce} first, then {@code Delete} by the
   * channel to everyone its creation reached. The Delete jobs name no object, so no later cancellation drops them.
   */
  private CompletionStage<List<Delivery>> videoDeleted(VideoTombstone tombstone) {
    String channel = tombstone.channel();
    URI id = urls.video(tombstone.uuid());
    return storage.deliveryJobs().cancelForObject(id)
        .thenCompose(cancelled -> account(channel))
        .thenCompose(account -> storage.follows().deliveryInboxes(audience(channel, account)))
        .thenApply(inboxes -> jobs(inboxes, channel, activities.delete(id, channel), Optional.empty()));
  }

  /** The store keeps videos only of existing channels, so a video without its channel is a bug. */
  private dev.fedgate.vocab.peertube.Video render(Stored<Video> video, Optional<String> account) {
    return videos.video(video, account.orElseThrow(() -> new IllegalStateException(
        "video " + video.value().uuid() + " has no channel " + video.value().channel())));
  }

  private CompletionStage<Optional<String>> account(String channel) {
    return storage.localActors().findChannel(channel)
        .thenApply(found -> found.map(Stored::value).map(Channel::account));
  }

  /** Who hears about a video: the followers of its channel, of the channel's account, and of the instance actor. */
  private static List<String> audience(String channel, Optional<String> account) {
    List<String> actors = new ArrayList<>(List.of(channel, LocalUrls.INSTANCE_ACTOR_NAME));
    account.ifPresent(actors::add);
    return actors;
  }

  private List<Delivery> jobs(Collection<URI> inboxes, String signer, ApObject activity, Optional<URI> object) {
    return queue.jobs(inboxes, signer, activity, object);
  }

  private static CompletionStage<List<Delivery>> none() {
    return CompletableFuture.completedFuture(List.of());
  }
}
