package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteHostStore;
import dev.fedgate.gateway.storage.ReplyStore;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.VideoStore;
import dev.fedgate.gateway.storage.WebhookJobStore;

/**
 * The store accessors every backend has in the same shape; a backend passes its stores in and implements only
 * {@code ping}, {@code usage} and {@code close}.
 */
public abstract class StoreSetBackend implements StorageBackend {
  /** The SQL both SQL backends answer {@code usage()} with; columns in {@code UsageCounts} order. */
  public static final String USAGE_SQL = "SELECT"
      + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'ACCOUNT'),"
      + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'CHANNEL'),"
      + " (SELECT COUNT(*) FROM video WHERE deleted_at IS NULL),"
      + " (SELECT COUNT(*) FROM video_comment WHERE author_account IS NOT NULL AND status = 'VISIBLE')";

  private final LocalActorStore localActors;
  private final VideoStore videos;
  private final CommentStore comments;
  private final FollowStore follows;
  private final RemoteActorStore remoteActors;
  private final InteractionStore interactions;
  private final RemoteHostStore remoteHosts;
  private final InboxStore inbox;
  private final DeliveryJobStore deliveryJobs;
  private final WebhookJobStore webhookJobs;
  private final OutboundStore outbound;
  private final ReplyStore replies;

  /** A backend over these stores. */
  protected StoreSetBackend(LocalActorStore localActors, VideoStore videos, CommentStore comments, FollowStore follows,
      RemoteActorStore remoteActors, InteractionStore interactions, RemoteHostStore remoteHosts, InboxStore inbox,
      DeliveryJobStore deliveryJobs, WebhookJobStore webhookJobs, OutboundStore outbound,
      ReplyStore replies) {
    this.localActors = localActors;
    this.videos = videos;
    this.comments = comments;
    this.follows = follows;
    this.remoteActors = remoteActors;
    this.interactions = interactions;
    this.remoteHosts = remoteHosts;
    this.inbox = inbox;
    this.deliveryJobs = deliveryJobs;
    this.webhookJobs = webhookJobs;
    this.outbound = outbound;
    this.replies = replies;
  }

  @Override
  public final LocalActorStore localActors() {
    return localActors;
  }

  @Override
  public final VideoStore videos() {
    return videos;
  }

  @Override
  public final CommentStore comments() {
    return comments;
  }

  @Override
  public final FollowStore follows() {
    return follows;
  }

  @Override
  public final RemoteActorStore remoteActors() {
    return remoteActors;
  }

  @Override
  public final InteractionStore interactions() {
    return interactions;
  }

  @Override
  public final RemoteHostStore remoteHosts() {
    return remoteHosts;
  }

  @Override
  public final InboxStore inbox() {
    return inbox;
  }

  @Override
  public final DeliveryJobStore deliveryJobs() {
    return deliveryJobs;
  }

  @Override
  public final WebhookJobStore webhookJobs() {
    return webhookJobs;
  }

  @Override
  public final OutboundStore outbound() {
    return outbound;
  }

  @Override
  public final ReplyStore replies() {
    return replies;
  }
}
