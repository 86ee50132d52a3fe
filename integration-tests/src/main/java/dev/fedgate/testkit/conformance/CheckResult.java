package dev.fedgate.testkit.conformance;

import java.util.Objects;

/** The outcome of one check: its name, whether it passed, failed or could not run here, and why. */
public record CheckResult(String check, Outcome outcome, String why) {
  /** PASS and FAIL as the report prints them; SKIP when the check cannot run against this target (never a failure). */
  public enum Outcome { PASS, FAIL, SKIP }

  /** Checks that nothing is missing. */
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(why, "why");
  }

  /** A passed check. */
  public static CheckResult pass(String check, String why) {
    return new CheckResult(check, Outcome.PASS, why);
  }

  /** A failed check. */
  public static CheckResult fail(String check, String why) {
    return new CheckResult(check, Outcome.FAIL, why);
  }

  /** {@code PASS <check>: <why>}, one line (line breaks in the reason are flattened). */
  public String line() {
    return outcome + " " + check + ": " + why.replaceAll("\\s+", " ");
  }
}
