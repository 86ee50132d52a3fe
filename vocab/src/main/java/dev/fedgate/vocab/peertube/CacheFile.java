package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** PeerTube's {@code CacheFile}: a redundancy copy of a video's files held by another instance until it expires. */
public record CacheFile(URI id, Ref<ApObject> object, Optional<Instant> expires, List<Link> url, Extensions extensions)
    implements ApObject {
  /** Copies the list. */
  public CacheFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(expires, "expires");
    url = List.copyOf(url);
    Objects.requireNonNull(extensions, "extensions");
  }
}
