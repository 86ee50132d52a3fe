package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What remains of a deleted video: its id answers 410 with a {@code Tombstone} from then on. */
public record VideoTombstone(UUID uuid, String channel, Instant publishedAt, Instant deletedAt) {
  /** Checks that every component is present. */
  public VideoTombstone {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }
}
