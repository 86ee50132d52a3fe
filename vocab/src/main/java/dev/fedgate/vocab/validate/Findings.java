package dev.fedgate.vocab.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects what the rules of one validation found; each rule reports under its own name. */
public final class Findings {
  private final List<Finding> violations = new ArrayList<>();
  private final List<Finding> adjustments = new ArrayList<>();
  private String rule = "";

  Findings() {}

  void enter(String ruleName) {
    this.rule = ruleName;
  }

  /** The peer would refuse the object because of the value at {@code pointer}. */
  public void refuse(String pointer, String detail) {
    violations.add(new Finding(rule, pointer, detail));
  }

  /** The peer would accept the object after changing the value at {@code pointer}. */
  public void adjust(String pointer, String detail) {
    adjustments.add(new Finding(rule, pointer, detail));
  }

  List<Finding> violations() {
    return List.copyOf(violations);
  }

  List<Finding> adjustments() {
    return List.copyOf(adjustments);
  }
}
