package dev.fedgate.vocab;

import java.util.Objects;

/**
 * A document that cannot be read or fails a rule: names the JSON pointer and the rule, safe to show to the sender.
 */
public final class VocabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final VocabProblem problem;
  private final String pointer;
  private final String rule;

  /** A problem at {@code pointer} (RFC 6901, "" for the whole document) breaking {@code rule}. */
  public VocabException(VocabProblem problem, String pointer, String rule) {
    super(pointer + ": " + rule);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The kind of problem, for metrics and status mapping. */
  public VocabProblem problem() {
    return problem;
  }

  /** Where in the document (RFC 6901 JSON pointer). */
  public String pointer() {
    return pointer;
  }

  /** The rule that was broken, in words a peer's operator understands. */
  public String rule() {
    return rule;
  }
}
