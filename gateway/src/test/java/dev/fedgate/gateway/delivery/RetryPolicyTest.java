package dev.fedgate.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.JobOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final RandomGenerator LOWEST = () -> 0L;
  private static final RandomGenerator HIGHEST = () -> -1L;

  private static Duration total(RetryPolicy policy, RandomGenerator random) {
    Duration sum = Duration.ZERO;
    for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
      sum = sum.plus(policy.delay(attempt, random));
    }
    return sum;
  }

  @Test
  void default_spreadsSixteenAttemptsOverTwoToThreeDays() {
    assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(16);
    assertThat(total(RetryPolicy.DEFAULT, LOWEST)).isBetween(Duration.ofHours(48), Duration.ofHours(52));
    assertThat(total(RetryPolicy.DEFAULT, HIGHEST)).isBetween(Duration.ofHours(72), Duration.ofHours(78));
  }

  @Test
  void delay_doublesUpToTheCap() {
    assertThat(RetryPolicy.DEFAULT.delay(1, LOWEST)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryPolicy.DEFAULT.delay(2, LOWEST)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryPolicy.DEFAULT.delay(5, LOWEST)).isEqualTo(Duration.ofMinutes(16));
    assertThat(RetryPolicy.DEFAULT.delay(15, LOWEST)).isEqualTo(Duration.ofHours(7));
    assertThat(RetryPolicy.DEFAULT.delay(1000, LOWEST)).isEqualTo(Duration.ofHours(7));
  }

  @Test
  void delay_isStretchedByJitter() {
    RandomGenerator half = () -> Long.MIN_VALUE;
    assertThat(RetryPolicy.DEFAULT.delay(3, half)).isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryPolicy.DEFAULT.delay(3, HIGHEST)).isGreaterThan(Duration.ofMinutes(5))
        .isLessThanOrEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void decide_retriesUntilTheLastAttempt_thenGivesUp() {
    Attempt failed = new Attempt.Retry(Optional.empty(), "answered 503");

    assertThat(RetryPolicy.DEFAULT.decide(failed, 15, NOW, LOWEST)).isInstanceOf(JobOutcome.RetryAt.class);
    assertThat(RetryPolicy.DEFAULT.decide(failed, 16, NOW, LOWEST))
        .isEqualTo(JobOutcome.giveUp("gave up after 16 attempts: answered 503"));
  }

  @Test
  void decide_waitsAtLeastRetryAfter_cappedByMaxRetryAfter() {
    Attempt asked = new Attempt.Retry(Optional.of(Duration.ofMinutes(30)), "answered 429");
    Attempt greedy = new Attempt.Retry(Optional.of(Duration.ofDays(30)), "answered 429");
    Attempt modest = new Attempt.Retry(Optional.of(Duration.ofSeconds(1)), "answered 429");

    assertThat(RetryPolicy.DEFAULT.decide(asked, 1, NOW, LOWEST))
        .isEqualTo(JobOutcome.retryAt(NOW.plus(Duration.ofMinutes(30)), "answered 429"));
    assertThat(RetryPolicy.DEFAULT.decide(greedy, 1, NOW, LOWEST))
        .isEqualTo(JobOutcome.retryAt(NOW.plus(Duration.ofDays(1)), "answered 429"));
    assertThat(RetryPolicy.DEFAULT.decide(modest, 1, NOW, LOWEST))
        .isEqualTo(JobOutcome.retryAt(NOW.plus(Duration.ofMinutes(1)), "answered 429"));
  }

  @Test
  void decide_mapsDeliveredGiveUpAndUnavailable() {
    assertThat(RetryPolicy.DEFAULT.decide(new Attempt.Delivered(), 1, NOW, LOWEST)).isEqualTo(JobOutcome.done());
    assertThat(RetryPolicy.DEFAULT.decide(new Attempt.GiveUp("answered 400"), 1, NOW, LOWEST))
        .isEqualTo(JobOutcome.giveUp("answered 400"));
    assertThat(RetryPolicy.DEFAULT.decide(new Attempt.HostUnavailable("dead.example"), 1, NOW, LOWEST))
        .isEqualTo(JobOutcome.giveUp("host dead.example is unavailable"));
  }

  @Test
  void constructor_refusesNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(2), Duration.ofHours(1), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofHours(1), 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
