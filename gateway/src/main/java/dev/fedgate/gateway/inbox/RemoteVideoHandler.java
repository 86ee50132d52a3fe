package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.peertube.Video;
import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Create}, {@code Update} or {@code Delete} of a Video by a remote channel a local account follows: the site
 * hears of it as a {@code remote-video.published}, {@code .updated} or {@code .deleted} webhook (Fedgate keeps no
 * copy of remote videos; the site decides what to show). Anything else goes to the {@code fallback} handler, which
 * deals with comments and actors. A Video must arrive embedded (PeerTube and Fedgate embed it); a Delete names only
 * an id, so it is reported for any object but the actor itself, and the fallback runs too (the id may be a comment).
 *
 * @param <A> {@code Create}, {@code Update} or {@code Delete}
 */
final class RemoteVideoHandler<A extends ObjectActivity> implements ActivityHandler<A> {
  private final String change;
  private final ActivityHandler<A> fallback;
  private final OutboundStore outbound;
  private final SiteEvents events;

  /** Reports {@code remote-video.<change>}; hands everything else to {@code fallback}. */
  RemoteVideoHandler(String change, ActivityHandler<A> fallback, OutboundStore outbound, SiteEvents events) {
    this.change = change;
    this.fallback = fallback;
    this.outbound = outbound;
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, A activity) {
    if (activity instanceof Delete) {
      if (activity.object().id().equals(delivery.actor())) {
        return fallback.handle(delivery, activity);
      }
      return fallback.handle(delivery, activity).compose(handled -> followed(List.of(Ref.of(delivery.actor()))))
          .compose(followed -> followed ? events.send(event(delivery, activity, activity.object().id()))
              : Future.succeededFuture());
    }
    Optional<ApObject> embedded = activity.object().embedded();
    if (embedded.isEmpty() || !(embedded.get() instanceof Video video)) {
      return fallback.handle(delivery, activity);
    }
    List<Ref<?>> owners = new ArrayList<>(video.attributedTo());
    owners.add(Ref.of(delivery.actor()));
    return followed(owners).compose(followed -> followed
        ? events.send(event(delivery, activity, video.id())
            .put("name", video.name().best().orElse(""))
            .put("url", watchPage(video).toString())
            .put("channel", video.attributedTo().isEmpty() ? delivery.actor().toString()
                : video.attributedTo().get(0).id().toString()))
        : Future.succeededFuture());
  }

  private ObjectNode event(InboxDelivery delivery, A activity, URI video) {
    return SiteEvents.event("remote-video." + change, delivery.actor(), activity.id()).put("video", video.toString());
  }

  /** Whether a local account follows any of {@code actors} (the sender, or the video's channel and account). */
  private Future<Boolean> followed(List<Ref<?>> actors) {
    Future<Boolean> any = Future.succeededFuture(false);
    for (Ref<?> actor : actors) {
      any = any.compose(found -> found ? Future.succeededFuture(true)
          : Future.fromCompletionStage(outbound.isFollowed(actor.id())));
    }
    return any;
  }

  /** The watch page: the first {@code text/html} link (what Mastodon shows), else the video's id. */
  private static URI watchPage(Video video) {
    return video.url().stream().filter(link -> link.hasMediaType("text/html")).map(Link::href).findFirst()
        .orElse(video.id());
  }
}
