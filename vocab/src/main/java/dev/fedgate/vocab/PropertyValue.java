package dev.fedgate.vocab;

import java.util.Objects;

/** A schema.org {@code PropertyValue}: a profile field on an actor, or a file flag on a PeerTube video Link. */
public record PropertyValue(String name, String value) implements ValueObject {
  /** Checks the fields. */
  public PropertyValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
