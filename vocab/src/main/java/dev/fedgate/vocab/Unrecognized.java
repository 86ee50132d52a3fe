package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An object or activity of a type we do not model (e.g. {@code Question}, {@code EmojiReact}, {@code Page}): its id
 * and types, and every other property as raw JSON. An unknown type never breaks a known activity around it.
 */
public record Unrecognized(URI id, List<String> types, Extensions raw) implements ApObject {
  /** Copies the list; there is at least one type. */
  public Unrecognized {
    Objects.requireNonNull(id, "id");
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("an unrecognized object still has a type");
    }
    Objects.requireNonNull(raw, "raw");
  }

  /** The first type name. */
  public String type() {
    return types.get(0);
  }
}
