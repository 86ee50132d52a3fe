package dev.fedgate.vocab.validate;

import java.util.Objects;

/** One outcome of a rule: which rule, where (JSON pointer in the rendered document), and what. */
public record Finding(String rule, String pointer, String detail) {
  /** Checks that nothing is null. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return rule + " " + pointer + ": " + detail;
  }
}
