package dev.fedgate.gateway.mapping;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Announce;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Update;
import dev.fedgate.vocab.peertube.Video;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The activities the gateway publishes about local things, with stable ids under the object's id
 * ({@link LocalUrls#activity}): the same change always yields the same activity id, so receivers de-duplicate
 * repeats. Video activities are by the channel ({@code attributedTo[0]}), to Public and cc its followers.
 */
public final class ActivityMapper {
  private final LocalUrls urls;

  /** Activities with ids built by {@code urls}. */
  public ActivityMapper(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** {@code Create} of a video by its channel, the video embedded (Mastodon shows it without a fetch). */
  public Create create(Video video, String channel) {
    return new Create(videoEnvelope(LocalUrls.activity(video.id(), "create"), channel), Ref.embed(video));
  }

  /** {@code Create} of a video by its channel with the video by id only: an outbox item (PeerTube refetches it). */
  public Create createById(URI video, String channel) {
    return new Create(videoEnvelope(LocalUrls.activity(video, "create"), channel), Ref.of(video));
  }

  /** {@code Update} of a video by its channel; its id carries the video's {@code updated} time. */
  public Update update(Video video, String channel) {
    Instant version = video.updated().orElseThrow(() -> new IllegalArgumentException("a video needs updated"));
    return new Update(videoEnvelope(LocalUrls.activity(video.id(), "update", version), channel), Ref.embed(video));
  }

  /** {@code Delete} of a video by its channel, the object by id (Mastodon and PeerTube accept an id). */
  public Delete delete(URI video, String channel) {
    return new Delete(videoEnvelope(LocalUrls.activity(video, "delete"), channel), Ref.of(video));
  }

  /**
   * {@code Announce} of a video by the instance actor to its followers: PeerTube instances that follow the whole
   * site expect an Announce by an {@code Application} for every new video (reference §8.3).
   */
  public Announce announce(URI video) {
    URI instance = urls.instanceActor();
    return new Announce(Envelope.of(LocalUrls.activity(video, "announce"), instance,
        Audience.publicWith(LocalUrls.followers(instance))), Ref.of(video));
  }

  /** {@code Update} of an actor by itself (Mastodon requires object id == signer), versioned by {@code changedAt}. */
  public Update updateActor(Actor actor, Instant changedAt) {
    return new Update(Envelope.of(LocalUrls.activity(actor.id(), "update", changedAt), actor.id(),
        Audience.publicWith(LocalUrls.followers(actor.id()))), Ref.embed(actor));
  }

  private Envelope videoEnvelope(URI id, String channel) {
    URI actor = urls.channel(channel);
    return Envelope.of(id, actor, Audience.publicWith(LocalUrls.followers(actor)));
  }
}
