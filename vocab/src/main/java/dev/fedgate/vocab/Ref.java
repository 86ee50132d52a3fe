package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A property value that is an id, optionally with the object it names embedded (Lemmy's {@code ObjectId<Kind>}).
 *
 * <p>Peers that refetch by id (PeerTube, Mastodon) only trust the id; the embedded value is a convenience that a
 * receiver must verify before it trusts it.
 */
public record Ref<T extends ApObject>(URI id, Optional<T> embedded) {
  /** Checks that an embedded value carries the same id as the reference. */
  public Ref {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(embedded, "embedded");
    embedded.ifPresent(value -> {
      if (!id.equals(value.id())) {
        throw new IllegalArgumentException("embedded id " + value.id() + " differs from reference id " + id);
      }
    });
  }

  /** A bare id. */
  public static <T extends ApObject> Ref<T> of(URI id) {
    return new Ref<>(id, Optional.empty());
  }

  /** A bare id, from a string. */
  public static <T extends ApObject> Ref<T> of(String id) {
    return of(URI.create(id));
  }

  /** The value embedded, under its own id. */
  public static <T extends ApObject> Ref<T> embed(T value) {
    return new Ref<>(value.id(), Optional.of(value));
  }
}
