package dev.fedgate.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic counters keyed by their full Prometheus series ({@code name{label="value"}}), rendered in the text
 * exposition format. Callers keep label values to closed sets (enums, slugs), never raw input.
 */
public final class CounterSet {
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  /** Adds one to {@code series}. */
  public void increment(String series) {
    counters.computeIfAbsent(series, s -> new LongAdder()).increment();
  }

  /** The current value of a series; 0 when it was never incremented. */
  public long value(String series) {
    LongAdder adder = counters.get(series);
    return adder == null ? 0 : adder.sum();
  }

  /** All series in the Prometheus text exposition format, sorted. */
  public String render() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(counters).forEach((series, value) -> text.append(series).append(' ').append(value.sum()).append('\n'));
    return text.toString();
  }
}
