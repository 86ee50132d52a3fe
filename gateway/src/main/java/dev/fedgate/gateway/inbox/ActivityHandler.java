package dev.fedgate.gateway.inbox;

import dev.fedgate.vocab.ApObject;
import io.vertx.core.Future;

/**
 * Processes one kind of activity taken from the durable inbox queue. Called by the {@link InboxWorker} after the
 * pipeline verified the signer and the origin and de-duplicated the id; it may be called again for the same activity
 * after a crash or a retry, so it must be idempotent. A failed future is retried later.
 *
 * @param <A> the activity type handled
 */
@FunctionalInterface
public interface ActivityHandler<A extends ApObject> {
  /** Handles {@code activity}, received as {@code delivery} says. */
  Future<Void> handle(InboxDelivery delivery, A activity);
}
