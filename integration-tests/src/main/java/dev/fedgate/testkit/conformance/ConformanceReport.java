package dev.fedgate.testkit.conformance;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every check run against one target, in order. */
public record ConformanceReport(String target, List<CheckResult> results) {
  /** Copies the list. */
  public ConformanceReport {
    results = List.copyOf(results);
  }

  /** Whether no check failed. */
  public boolean passed() {
    return results.stream().noneMatch(r -> r.outcome() == CheckResult.Outcome.FAIL);
  }

  /** The failed checks. */
  public List<CheckResult> failures() {
    return results.stream().filter(r -> r.outcome() == CheckResult.Outcome.FAIL).toList();
  }

  /** The result of the check named {@code check}, when it ran. */
  public Optional<CheckResult> result(String check) {
    return results.stream().filter(r -> r.check().equals(check)).findFirst();
  }

  /** One line per check, as the command line prints it. */
  public String text() {
    return results.stream().map(CheckResult::line).collect(Collectors.joining("\n"));
  }
}
