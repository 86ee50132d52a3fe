package dev.fedgate.gateway.storage;

import java.util.concurrent.CompletionStage;

/**
 * An open storage backend: one accessor per store, plus health, usage and shutdown. Obtained from
 * {@link StorageProvider#open}; safe for concurrent use; never blocks the calling thread.
 */
public interface StorageBackend {

  /** Local accounts, channels, the instance actor, and their keys. */
  LocalActorStore localActors();

  /** Local videos and tombstones. */
  VideoStore videos();

  /** Local and remote comments on local videos. */
  CommentStore comments();

  /** Remote followers of local actors. */
  FollowStore follows();

  /** Cached remote actors and their keys. */
  RemoteActorStore remoteActors();

  /** Likes, dislikes and shares of local videos. */
  InteractionStore interactions();

  /** Delivery health per remote host. */
  RemoteHostStore remoteHosts();

  /** Inbox de-duplication and the durable inbound queue. */
  InboxStore inbox();

  /** The durable queue of outbound deliveries. */
  DeliveryJobStore deliveryJobs();

  /** The durable queue of webhooks to the site. */
  WebhookJobStore webhookJobs();

  /** Follows and likes by local accounts of remote actors and objects. */
  OutboundStore outbound();

  /** Replies by local accounts to remote content, with the deliveries that federate them. */
  ReplyStore replies();

  /**
   * The same stores, for work that is redone if a crash loses it: what the inbox worker does with an accepted
   * activity, which stays queued until that work is done. Their writes may complete before they are durable, on the
   * condition that each is durable before any later write through this backend (other than an inbox accept) completes,
   * so that nothing a later durable write acts on, say a delivery's claim, is lost. A backend whose every commit is
   * durable returns itself, as this default does.
   */
  default StorageBackend replayable() {
    return this;
  }

  /**
   * Checks that the database answers. Called by the health endpoint.
   *
   * @return a stage that completes when a trivial query ran, or fails with the database's error
   */
  CompletionStage<Void> ping();

  /** Counts of local content for NodeInfo; a consistent snapshot is not required. */
  CompletionStage<UsageCounts> usage();

  /**
   * Waits for calls already accepted, then releases connections and threads. Later calls fail. Idempotent; called
   * once at shutdown.
   */
  CompletionStage<Void> close();
}
