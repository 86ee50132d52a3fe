package dev.fedgate.vocab;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@code Tombstone}: what is served at a deleted object's id (PeerTube needs {@code url}, dates, formerType). */
public record Tombstone(
    URI id,
    Optional<String> formerType,
    Optional<Instant> published,
    Optional<Instant> updated,
    Optional<Instant> deleted,
    List<Link> url,
    Optional<Ref<ApObject>> inReplyTo,
    Extensions extensions)
    implements ApObject {
  /** Copies the list and checks that nothing is null. */
  public Tombstone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(formerType, "formerType");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(deleted, "deleted");
    url = List.copyOf(url);
    Objects.requireNonNull(inReplyTo, "inReplyTo");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** The tombstone of a {@code formerType} object, as PeerTube serves a deleted comment. */
  public static Tombstone of(URI id, String formerType, Instant published, Instant deleted) {
    return new Tombstone(id, Optional.of(formerType), Optional.of(published), Optional.of(deleted),
        Optional.of(deleted), List.of(Link.of(id)), Optional.empty(), Extensions.NONE);
  }
}
