package dev.fedgate.vocab.validate;

import java.util.Objects;

/**
 * One acceptance rule of a peer, in one place: a name ({@code peertube.video.name-length}) and a check that reports
 * refusals and adjustments and returns the value as the peer would keep it.
 */
public record Rule<T>(String name, Check<T> check) {
  /** The body of a rule. */
  @FunctionalInterface
  public interface Check<T> {
    /** Reports what is wrong with {@code value} and returns it as the peer would keep it. */
    T apply(T value, Findings findings);
  }

  /** Checks that nothing is null. */
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  /** Runs this rule alone. */
  public Validation<T> validate(T value) {
    return RuleSet.of(this).validate(value);
  }
}
