package dev.fedgate.vocab.validate;

import java.util.ArrayList;
import java.util.List;

/** Rules applied in order, each to the value the previous one kept; any refusal refuses the whole value. */
public final class RuleSet<T> {
  private final List<Rule<T>> rules;

  private RuleSet(List<Rule<T>> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules, in the order given. */
  @SafeVarargs
  public static <T> RuleSet<T> of(Rule<T>... rules) {
    List<Rule<T>> list = new ArrayList<>(rules.length);
    for (Rule<T> rule : rules) {
      list.add(rule);
    }
    return new RuleSet<>(list);
  }

  /** The rules, by name, in order. */
  public List<String> names() {
    return rules.stream().map(Rule::name).toList();
  }

  /** Applies every rule. */
  public Validation<T> validate(T value) {
    Findings findings = new Findings();
    T kept = value;
    for (Rule<T> rule : rules) {
      findings.enter(rule.name());
      kept = rule.check().apply(kept, findings);
    }
    List<Finding> violations = findings.violations();
    return violations.isEmpty() ? new Validation.Accepted<>(kept, findings.adjustments())
        : new Validation.Refused<>(violations);
  }
}
