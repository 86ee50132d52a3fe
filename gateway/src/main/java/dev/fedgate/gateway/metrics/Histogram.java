package dev.fedgate.gateway.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram of durations in seconds with fixed upper bounds: cumulative {@code _bucket} series, then
 * {@code _sum} and {@code _count}. Lock-free; observations from any thread.
 */
public final class Histogram {
  private final String name;
  private final double[] bounds;
  private final LongAdder[] buckets;
  private final LongAdder count = new LongAdder();
  private final LongAdder sumMicros = new LongAdder();

  /** A histogram named {@code name} with the given upper bounds in seconds, ascending. */
  public Histogram(String name, double... boundsSeconds) {
    this.name = name;
    this.bounds = boundsSeconds.clone();
    for (int i = 1; i < bounds.length; i++) {
      if (bounds[i] <= bounds[i - 1]) {
        throw new IllegalArgumentException("bounds must ascend");
      }
    }
    this.buckets = new LongAdder[bounds.length];
    Arrays.setAll(buckets, i -> new LongAdder());
  }

  /** Records one duration; a negative one (a clock step back) counts as zero. */
  public void observe(Duration duration) {
    long micros = Math.max(0, duration.toNanos() / 1000);
    double seconds = micros / 1e6;
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        buckets[i].increment();
        break;
      }
    }
    count.increment();
    sumMicros.add(micros);
  }

  /** How many durations were recorded. */
  public long count() {
    return count.sum();
  }

  /** The series in the text exposition format. */
  public String render() {
    StringBuilder text = new StringBuilder("# TYPE ").append(name).append(" histogram\n");
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += buckets[i].sum();
      text.append(name).append("_bucket{le=\"").append(format(bounds[i])).append("\"} ").append(cumulative)
          .append('\n');
    }
    long total = count.sum();
    text.append(name).append("_bucket{le=\"+Inf\"} ").append(total).append('\n');
    text.append(name).append("_sum ").append(format(sumMicros.sum() / 1e6)).append('\n');
    return text.append(name).append("_count ").append(total).append('\n').toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }
}
