package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

/**
 * One rule under test: a value it accepts untouched, a change that breaks it, and whether the break is a refusal or
 * an adjustment at {@code pointer}.
 */
record RuleCase<T>(Rule<T> rule, T good, UnaryOperator<T> breaker, boolean refuses, String pointer) {
  static <T> RuleCase<T> refuses(Rule<T> rule, T good, UnaryOperator<T> breaker, String pointer) {
    return new RuleCase<>(rule, good, breaker, true, pointer);
  }

  static <T> RuleCase<T> adjusts(Rule<T> rule, T good, UnaryOperator<T> breaker, String pointer) {
    return new RuleCase<>(rule, good, breaker, false, pointer);
  }

  void assertPasses() {
    Validation<T> result = rule.validate(good);
    assertThat(result.accepted()).as("accepted").isTrue();
    Validation.Accepted<T> accepted = (Validation.Accepted<T>) result;
    assertThat(accepted.adjustments()).isEmpty();
    assertThat(accepted.value()).isEqualTo(good);
  }

  void assertFails() {
    T broken = breaker.apply(good);
    Validation<T> result = rule.validate(broken);
    if (refuses) {
      assertThat(result).isInstanceOf(Validation.Refused.class);
      assertThat(((Validation.Refused<T>) result).violations())
          .contains(new Finding(rule.name(), pointer, findDetail(((Validation.Refused<T>) result), pointer)));
    } else {
      assertThat(result).isInstanceOf(Validation.Accepted.class);
      Validation.Accepted<T> accepted = (Validation.Accepted<T>) result;
      assertThat(accepted.adjustments().stream().map(Finding::pointer)).contains(pointer);
      assertThat(accepted.value()).isNotEqualTo(broken);
    }
  }

  private static String findDetail(Validation.Refused<?> refused, String pointer) {
    return refused.violations().stream().filter(f -> f.pointer().equals(pointer)).map(Finding::detail).findFirst()
        .orElse("no violation at " + pointer);
  }

  @Override
  public String toString() {
    return rule.name();
  }
}
