package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cached remote actor: what delivery and signature checks need (inboxes and keys), its type and username, and when
 * it was fetched (kept to the microsecond).
 */
public record RemoteActor(
    URI id,
    String type,
    Optional<String> username,
    URI inbox,
    Optional<URI> sharedInbox,
    List<RemoteKey> keys,
    Instant fetchedAt) {
  /** Checks presence, copies the keys, truncates the time. */
  public RemoteActor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(sharedInbox, "sharedInbox");
    keys = List.copyOf(keys);
    fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt").truncatedTo(ChronoUnit.MICROS);
  }
}
