package dev.fedgate.vocab;

import java.util.Objects;

/** An embedded value of a type we do not model (e.g. Mastodon's {@code Document} attachment), kept as raw JSON. */
public record OtherValue(String type, Extensions raw) implements ValueObject {
  /** Checks the fields; {@code raw} holds every property but {@code type}. */
  public OtherValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(raw, "raw");
  }
}
