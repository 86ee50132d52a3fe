package dev.fedgate.gateway.inbox;

import dev.fedgate.vocab.activity.InteractionCounter;
import dev.fedgate.vocab.activity.View;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/**
 * PeerTube's {@code View} of a local video: counted into the {@link ViewCounter}, as many views as its
 * {@code result.userInteractionCount} says (PeerTube's aggregated form), else one. A View with {@code expires} is a
 * live viewer's presence, not a new view, and is not counted.
 */
final class ViewHandler implements ActivityHandler<View> {
  /** A peer cannot claim more views than this in one activity. */
  static final long MAX_VIEWS_PER_ACTIVITY = 100_000;

  private final LocalTargets targets;
  private final LocalVideos videos;
  private final ViewCounter counter;

  ViewHandler(LocalTargets targets, LocalVideos videos, ViewCounter counter) {
    this.targets = targets;
    this.videos = videos;
    this.counter = counter;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, View view) {
    Optional<UUID> video = targets.video(view.object().id());
    if (video.isEmpty() || view.expires().isPresent()) {
      return Future.succeededFuture();
    }
    long views = Math.min(MAX_VIEWS_PER_ACTIVITY, view.result().map(InteractionCounter::userInteractionCount).orElse(1L));
    return videos.find(video.get()).map(found -> {
      found.ifPresent(stored -> counter.add(video.get(), views));
      return null;
    });
  }
}
