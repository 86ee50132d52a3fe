package dev.fedgate.vocab;

import java.util.Objects;

/** PeerTube's {@code SensitiveTag}: one content-warning flag of a sensitive video. */
public record SensitiveTag(String name) implements ValueObject {
  /** Checks the field. */
  public SensitiveTag {
    Objects.requireNonNull(name, "name");
  }
}
