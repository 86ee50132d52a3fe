package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A {@code Mention} tag: {@code href} is the mentioned actor's id (Mastodon notifies it), {@code name} the handle. */
public record Mention(URI href, Optional<String> name) implements ValueObject {
  /** Checks the fields. */
  public Mention {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(name, "name");
  }
}
