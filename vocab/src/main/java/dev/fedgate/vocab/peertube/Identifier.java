package dev.fedgate.vocab.peertube;

import java.util.Objects;
import java.util.Optional;

/** PeerTube's {@code {identifier, name}} pair for a video's category, licence or language. */
public record Identifier(String identifier, Optional<String> name) {
  /** Checks the fields. */
  public Identifier {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
  }

  /** An identifier with its display name. */
  public static Identifier of(String identifier, String name) {
    return new Identifier(identifier, Optional.of(name));
  }
}
