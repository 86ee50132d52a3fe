package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A {@code Hashtag} tag: {@code name} (PeerTube omits the {@code #}, Mastodon includes it) and an optional page. */
public record Hashtag(String name, Optional<URI> href) implements ValueObject {
  /** Checks the fields. */
  public Hashtag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(href, "href");
  }
}
