package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.storage.PendingFederation;
import java.util.concurrent.CompletionStage;

/**
 * Turns a change the site made, recorded by the store as a {@link PendingFederation} mark in the change's own
 * transaction, into activities queued for delivery. The deliveries are queued and the mark removed in one
 * transaction, so a change is federated exactly once however often (and from however many nodes) this is called.
 */
public interface Publisher {
  /**
   * Renders what {@code pending} owes from the subject's current stored state and queues it through
   * {@link dev.fedgate.gateway.storage.DeliveryJobStore#enqueueFederation}: {@code Create{Video}} from the channel to
   * the followers of the channel and its account plus the instance actor's {@code Announce} for a new video,
   * {@code Update} for a changed video or actor, {@code Delete} for a deleted video.
   *
   * @return {@code true} when this call queued it; {@code false} when it was already federated or superseded by a
   *     newer change (whose own mark federates the newer state)
   */
  CompletionStage<Boolean> federate(PendingFederation pending);
}
