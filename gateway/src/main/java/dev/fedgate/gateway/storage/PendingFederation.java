package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to a local video or actor that is stored but whose deliveries are not queued yet: the transactional
 * outbox's mark. The store writes it in the same transaction as the change; {@link DeliveryJobStore#enqueueFederation}
 * queues the deliveries and removes it in one transaction. {@code version} grows with every change store-wide, so a
 * mark read before a newer change of the same subject no longer matches.
 */
public record PendingFederation(FederationSubject subject, FederationChange change, long version, Instant markedAt) {
  /** Checks presence. */
  public PendingFederation {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(markedAt, "markedAt");
  }
}
