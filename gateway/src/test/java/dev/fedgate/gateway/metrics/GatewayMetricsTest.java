package dev.fedgate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.QueueStats;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  @Test
  void queueGauges_renderEveryStateAndTheOldestAge() {
    assertThat(GatewayMetrics.render("delivery", new QueueStats(12, 3, 1, Optional.of(Duration.ofMillis(2500)))))
        .isEqualTo("fedgate_queue_jobs{queue=\"delivery\",state=\"waiting\"} 12\n"
            + "fedgate_queue_jobs{queue=\"delivery\",state=\"in-flight\"} 3\n"
            + "fedgate_queue_jobs{queue=\"delivery\",state=\"dead\"} 1\n"
            + "fedgate_queue_oldest_due_seconds{queue=\"delivery\"} 2.5\n");
  }

  @Test
  void counterSet_countsPerSeries_andRendersSorted() {
    CounterSet counters = new CounterSet();
    counters.increment("b_total{x=\"1\"}");
    counters.increment("a_total");
    counters.increment("a_total");
    assertThat(counters.value("a_total")).isEqualTo(2);
    assertThat(counters.value("never_total")).isZero();
    assertThat(counters.render()).isEqualTo("a_total 2\nb_total{x=\"1\"} 1\n");
  }
}
