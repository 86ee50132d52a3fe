package dev.fedgate.testkit.conformance;

import java.util.ArrayList;
import java.util.List;

/** Collects check results in order while the checks run. */
final class Results {
  private final List<CheckResult> results = new ArrayList<>();

  void pass(String check, String why) {
    results.add(CheckResult.pass(check, why));
  }

  void fail(String check, String why) {
    results.add(CheckResult.fail(check, why));
  }

  void skip(String check, String why) {
    results.add(new CheckResult(check, CheckResult.Outcome.SKIP, why));
  }

  /** Passes {@code check} when {@code problems} is empty, else fails it with every problem. */
  void outcome(String check, List<String> problems, String passWhy) {
    if (problems.isEmpty()) {
      pass(check, passWhy);
    } else {
      fail(check, String.join("; ", problems));
    }
  }

  List<CheckResult> all() {
    return List.copyOf(results);
  }
}
