package dev.fedgate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.storage.HostStateCounts;
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
  void histogram_rendersCumulativeBucketsSumAndCount() {
    Histogram histogram = new Histogram("work_seconds", 0.01, 0.1, 1);
    histogram.observe(Duration.ofMillis(3));
    histogram.observe(Duration.ofMillis(70));
    histogram.observe(Duration.ofMillis(100));
    histogram.observe(Duration.ofSeconds(40));
    histogram.observe(Duration.ofMillis(-5));

    assertThat(histogram.count()).isEqualTo(5);
    assertThat(histogram.render()).isEqualTo("# TYPE work_seconds histogram\n"
        + "work_seconds_bucket{le=\"0.01\"} 2\n"
        + "work_seconds_bucket{le=\"0.1\"} 4\n"
        + "work_seconds_bucket{le=\"1.0\"} 4\n"
        + "work_seconds_bucket{le=\"+Inf\"} 5\n"
        + "work_seconds_sum 40.173\n"
        + "work_seconds_count 5\n");
  }

  @Test
  void histogram_refusesBoundsThatDoNotAscend() {
    assertThatThrownBy(() -> new Histogram("h", 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cacheAndHostSeries_renderEveryResultAndState() {
    assertThat(GatewayMetrics.render("remote-keys", CacheStats.of(7, 2, 2, 0, 10, 1, 1)))
        .isEqualTo("fedgate_cache_requests_total{cache=\"remote-keys\",result=\"hit\"} 7\n"
            + "fedgate_cache_requests_total{cache=\"remote-keys\",result=\"miss\"} 2\n"
            + "fedgate_cache_evictions_total{cache=\"remote-keys\"} 1\n");
    assertThat(GatewayMetrics.render(new HostStateCounts(5, 2, 1)))
        .isEqualTo("fedgate_remote_hosts{state=\"available\"} 5\n"
            + "fedgate_remote_hosts{state=\"failing\"} 2\n"
            + "fedgate_remote_hosts{state=\"unavailable\"} 1\n");
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
