package dev.fedgate.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostHealthTest {
  private static final Instant DAY_ONE = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void host_isUnavailable_afterFailuresOnSevenDistinctDays() {
    HostHealth health = new HostHealth(7, 100);
    for (int day = 0; day < 6; day++) {
      health.recordFailure("dead.example", DAY_ONE.plus(Duration.ofDays(day)));
    }
    assertThat(health.isUnavailable("dead.example")).isFalse();

    health.recordFailure("dead.example", DAY_ONE.plus(Duration.ofDays(6)));

    assertThat(health.isUnavailable("dead.example")).isTrue();
    assertThat(health.state("dead.example").orElseThrow().unavailableSince())
        .hasValue(DAY_ONE.plus(Duration.ofDays(6)));
  }

  @Test
  void failuresOnOneDay_countOnce() {
    HostHealth health = new HostHealth(2, 100);
    for (int hour = 0; hour < 10; hour++) {
      health.recordFailure("flaky.example", DAY_ONE.plus(Duration.ofHours(hour)));
    }

    assertThat(health.isUnavailable("flaky.example")).isFalse();
    assertThat(health.state("flaky.example").orElseThrow().failureDays()).hasSize(1);
  }

  @Test
  void success_revivesTheHost_andForgetsItsFailures() {
    HostHealth health = new HostHealth(1, 100);
    health.recordFailure("back.example", DAY_ONE);
    assertThat(health.isUnavailable("back.example")).isTrue();

    health.recordSuccess("back.example", DAY_ONE.plus(Duration.ofDays(3)));

    assertThat(health.isUnavailable("back.example")).isFalse();
    assertThat(health.state("back.example").orElseThrow().failureDays()).isEmpty();
    assertThat(health.state("back.example").orElseThrow().lastSuccess()).hasValue(DAY_ONE.plus(Duration.ofDays(3)));
  }

  @Test
  void snapshot_listsEveryKnownHost() {
    HostHealth health = new HostHealth(7, 100);
    health.recordFailure("down.example", DAY_ONE);
    health.recordSuccess("up.example", DAY_ONE);

    assertThat(health.snapshot()).containsOnlyKeys("down.example", "up.example");
    assertThat(health.snapshot().get("up.example").lastSuccess()).hasValue(DAY_ONE);
  }

  @Test
  void unknownHost_isAvailable() {
    assertThat(new HostHealth(7, 100).isUnavailable("new.example")).isFalse();
  }
}
