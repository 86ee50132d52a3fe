package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;

/** A local actor name, what kind of actor holds it, and when it was created. */
public record LocalActor(String name, ActorKind kind, Instant createdAt) {
  /** Checks that every component is present. */
  public LocalActor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
