package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A value as the store holds it, with the times the store assigned from its clock: when it was first written and
 * when its content last changed (an upsert that changes nothing leaves {@code updatedAt} alone).
 */
public record Stored<T>(T value, Instant createdAt, Instant updatedAt) {
  /** Checks that every component is present. */
  public Stored {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
