package dev.fedgate.gateway.cache;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something changed that caches may hold a copy of. Each change has a one-line {@link #key()} that travels between
 * nodes and is read back with {@link #parse}; anything unreadable is ignored by the receiver.
 */
public sealed interface CacheChange permits CacheChange.LocalActor, CacheChange.Video, CacheChange.RemoteActor {
  /** The wire form, {@code <kind>:<value>}. */
  String key();

  /**
   * The change a key names; empty for an unknown kind or a malformed value (any database user can send a
   * notification, so a key is not trusted to be well formed).
   */
  static Optional<CacheChange> parse(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String value = key.substring(colon + 1);
    try {
      switch (key.substring(0, colon)) {
        case LocalActor.KIND:
          return value.isEmpty() ? Optional.empty() : Optional.of(new LocalActor(value));
        case Video.KIND:
          return Optional.of(new Video(UUID.fromString(value)));
        case RemoteActor.KIND:
          URI id = new URI(value);
          return id.isAbsolute() ? Optional.of(new RemoteActor(id)) : Optional.empty();
        default:
          return Optional.empty();
      }
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** A local account's or channel's profile changed (its videos' documents name it too). */
  record LocalActor(String name) implements CacheChange {
    static final String KIND = "local-actor";

    /** Checks presence. */
    public LocalActor {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String key() {
      return KIND + ":" + name;
    }
  }

  /** A local video was created, changed or deleted. */
  record Video(UUID uuid) implements CacheChange {
    static final String KIND = "video";

    /** Checks presence. */
    public Video {
      Objects.requireNonNull(uuid, "uuid");
    }

    @Override
    public String key() {
      return KIND + ":" + uuid;
    }
  }

  /** A remote actor was refreshed (new keys, new profile) or deleted. */
  record RemoteActor(URI id) implements CacheChange {
    static final String KIND = "remote-actor";

    /** Checks presence. */
    public RemoteActor {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return KIND + ":" + id;
    }
  }
}
