package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Inbox de-duplication and the durable inbound queue: the inbox answers 202 only after {@link #accept} completed,
 * and workers process accepted activities from the queue, so a crash after 202 loses nothing.
 */
public interface InboxStore extends ClaimableQueue<InboundActivity> {

  /**
   * Marks the activity id seen and queues the activity, in one transaction. Called by the inbox after the signature,
   * origin and validation steps. Atomic under races: of concurrent calls with one activity id (on any node), exactly
   * one answers {@code true}.
   *
   * @return {@code true} when the id was new and the activity is now durably queued; {@code false} when the id was
   *     seen before (the caller answers 202 and drops it)
   */
  CompletionStage<Boolean> accept(InboundActivity activity);

  /**
   * Forgets de-duplication marks made before {@code before}, so the table stays bounded; queued activities are
   * not affected. Called periodically. Idempotent.
   *
   * @return how many marks were removed
   */
  CompletionStage<Integer> pruneSeen(Instant before);
}
