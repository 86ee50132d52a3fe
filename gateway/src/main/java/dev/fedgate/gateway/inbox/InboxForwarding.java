package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.support.SharedReads;
import dev.fedgate.vocab.activity.ObjectActivity;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inbox forwarding, as PeerTube does it for comments on its own videos ({@code forwardVideoRelatedActivity}): a
 * remote {@code Create}, {@code Update} or {@code Delete} of a visible reply under a local video is re-sent, byte for
 * byte as received, to the video channel's followers (one job per shared inbox), except those on the sender's own
 * host, which has it already. Only public notes become comments (see {@code RemoteNotes}), so a private reply is
 * never forwarded to other followers. The jobs are signed by the channel at send time; receivers trust the
 * content through its own proof or by refetching it from its origin, as Mastodon does.
 *
 * <p>Replies under one channel arrive together; one joins a read of the channel's followers that is already running
 * ({@link SharedReads}) rather than each reading them in a transaction of its own.
 */
final class InboxForwarding {
  private final LocalVideos videos;
  private final DeliveryJobStore deliveries;
  private final SharedReads<String, Set<URI>> followerInboxes;

  InboxForwarding(LocalVideos videos, FollowStore follows, DeliveryJobStore deliveries) {
    this.videos = videos;
    this.deliveries = deliveries;
    this.followerInboxes = new SharedReads<>(channel -> follows.deliveryInboxes(List.of(channel)));
  }

  /** Forwards {@code activity}, received as {@code delivery}, about a visible reply under {@code video}. */
  Future<Void> forward(InboxDelivery delivery, ObjectActivity activity, UUID video) {
    return videos.find(video).compose(found -> found.isEmpty()
        ? Future.succeededFuture()
        : forward(delivery, activity, found.get().value()));
  }

  /** Forwards {@code activity} about a visible reply under {@code video}, already read by the caller. */
  Future<Void> forward(InboxDelivery delivery, ObjectActivity activity, Video video) {
    String channel = video.channel();
    String senderHost = Delivery.hostOf(delivery.actor());
    return Future.fromCompletionStage(followerInboxes.read(channel)).compose(inboxes -> {
      List<Delivery> jobs = inboxes.stream()
          .filter(inbox -> !Delivery.hostOf(inbox).equals(senderHost))
          .map(inbox -> new Delivery(inbox, channel, activity.id(), Optional.empty(), delivery.json()))
          .toList();
      return jobs.isEmpty() ? Future.succeededFuture()
          : Future.fromCompletionStage(deliveries.enqueueAll(jobs)).mapEmpty();
    });
  }
}
