package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A Mastodon custom {@code Emoji} tag: {@code :name:} shown as {@code icon}. */
public record Emoji(Optional<URI> id, String name, Optional<Image> icon, Optional<String> updated)
    implements ValueObject {
  /** Checks the fields. */
  public Emoji {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(updated, "updated");
  }
}
