package dev.fedgate.vocab.validate;

import java.util.List;

/**
 * The result of validating a value by a peer's rules, as the peer would decide: refused, or accepted as normalized
 * (fields dropped or defaulted, each change listed), the way PeerTube defaults {@code commentsPolicy}, filters bad
 * {@code url} entries and truncates long content.
 */
public sealed interface Validation<T> permits Validation.Accepted, Validation.Refused {
  /** Whether the peer would accept it. */
  boolean accepted();

  /** Accepted: {@code value} is what the peer keeps; {@code adjustments} says what changed. */
  record Accepted<T>(T value, List<Finding> adjustments) implements Validation<T> {
    /** Copies the list. */
    public Accepted {
      adjustments = List.copyOf(adjustments);
    }

    @Override
    public boolean accepted() {
      return true;
    }
  }

  /** Refused: the peer would drop the whole object; {@code violations} says why (never empty). */
  record Refused<T>(List<Finding> violations) implements Validation<T> {
    /** Copies the list, which must not be empty. */
    public Refused {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a refusal names at least one violation");
      }
    }

    @Override
    public boolean accepted() {
      return false;
    }
  }
}
